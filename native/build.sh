#!/usr/bin/env bash
# Builds build/libmlirffi.so, the C shim over MLIR 22's C API.
#
#   bash native/build.sh            build if sources or MLIR changed
#   bash native/build.sh --force    always rebuild
#   bash native/build.sh --print-lib   print the library path and exit
#   bash native/build.sh --tools       make sure mlir-opt is there; print its path
#   bash native/build.sh --print-prefix   build if needed, then print the MLIR prefix used
#
# MLIR is looked up in $MLIR_PREFIX, then `llvm-config-22 --prefix`, then
# /usr/lib/llvm-22. A prefix may be an unpacked .deb tree
# (`dpkg -x libmlir-22-dev_*.deb DIR` gives DIR/usr/lib/llvm-22). When MLIR is
# missing and we are root on Debian, libmlir-22-dev and mlir-22-tools (for
# mlir-opt, which the benchmarks compare against) are installed with apt-get;
# otherwise the script stops and says what to install. A wrong MLIR_PREFIX is
# never "fixed" by installing: it stops and says what is wrong with it.
set -euo pipefail

MLIR_MAJOR=22
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out_dir="${MLIR_FFI_BUILD_DIR:-$root/build}"
lib="$out_dir/libmlirffi.so"
checker="$out_dir/mlirffi-check-bytecode"
stamp="$out_dir/libmlirffi.stamp"

say() { printf 'mlir-ffi build: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

if [[ "${1:-}" == "--print-lib" ]]; then
  echo "$lib"
  exit 0
fi

have_mlir() { [[ -f "$1/include/mlir-c/IR.h" && -f "$1/lib/libMLIRCAPIIR.a" ]]; }

find_prefix() {
  if [[ -n "${MLIR_PREFIX:-}" ]]; then
    have_mlir "$MLIR_PREFIX" || die "MLIR_PREFIX=$MLIR_PREFIX has no include/mlir-c/IR.h and lib/libMLIRCAPIIR.a; point it at an MLIR $MLIR_MAJOR install prefix (e.g. /usr/lib/llvm-$MLIR_MAJOR)."
    echo "$MLIR_PREFIX"
    return
  fi
  local candidate
  if command -v "llvm-config-$MLIR_MAJOR" >/dev/null 2>&1; then
    candidate="$("llvm-config-$MLIR_MAJOR" --prefix)"
    if have_mlir "$candidate"; then echo "$candidate"; return; fi
  fi
  candidate="/usr/lib/llvm-$MLIR_MAJOR"
  if have_mlir "$candidate"; then echo "$candidate"; return; fi
  return 1
}

PACKAGES=("libmlir-$MLIR_MAJOR-dev" "mlir-$MLIR_MAJOR-tools")

# Installs packages when we are root with apt-get; returns 1 when we are not
# (the caller says what to install), dies when apt-get itself fails.
install_with_apt() {
  local packages=("$@")
  [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1 || return 1
  say "installing ${packages[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "${packages[@]}" >&2; then
    apt-get update -q >&2 || true
    apt-get install -y -q --no-install-recommends "${packages[@]}" >&2 ||
      die "apt-get could not install ${packages[*]} (no network, or no Debian 12+ package source with them?).
  Install them by other means, or set MLIR_PREFIX to an MLIR $MLIR_MAJOR install prefix, then run this again."
  fi
}

not_found() {
  die "MLIR $MLIR_MAJOR was not found.
  Install it:   sudo apt-get install ${PACKAGES[*]}
  (Debian 12 bookworm-security and later, or apt.llvm.org), or set MLIR_PREFIX
  to an MLIR $MLIR_MAJOR install prefix, then run this again."
}

# mlir-opt, for the benchmarks: $MLIR_OPT, then beside MLIR, then PATH.
find_mlir_opt() {
  local p
  for p in "${MLIR_OPT:-}" "${MLIR_PREFIX:+$MLIR_PREFIX/bin/mlir-opt}" "/usr/lib/llvm-$MLIR_MAJOR/bin/mlir-opt"; do
    [[ -n "$p" && -x "$p" ]] && { echo "$p"; return 0; }
  done
  command -v "mlir-opt-$MLIR_MAJOR" 2>/dev/null && return 0
  return 1
}

if [[ "${1:-}" == "--tools" ]]; then
  find_mlir_opt && exit 0
  install_with_apt "mlir-$MLIR_MAJOR-tools" || die "mlir-opt (MLIR $MLIR_MAJOR) was not found.
  Install it:   sudo apt-get install mlir-$MLIR_MAJOR-tools   (or set MLIR_OPT to an mlir-opt $MLIR_MAJOR)"
  find_mlir_opt || die "mlir-$MLIR_MAJOR-tools installed, but /usr/lib/llvm-$MLIR_MAJOR/bin/mlir-opt is still missing."
  exit 0
fi

if [[ -n "${MLIR_PREFIX:-}" ]]; then
  prefix="$(find_prefix)" || exit 1
elif ! prefix="$(find_prefix)"; then
  install_with_apt "${PACKAGES[@]}" || not_found
  prefix="$(find_prefix)" || die "${PACKAGES[*]} installed, but /usr/lib/llvm-$MLIR_MAJOR still lacks the MLIR C API."
fi

# The version MLIR's CMake package reports, e.g. 22.1.8.
version_file="$prefix/lib/cmake/mlir/MLIRConfigVersion.cmake"
version="unknown"
if [[ -f "$version_file" ]]; then
  version="$(sed -n 's/^set(PACKAGE_VERSION "\([0-9.]*\)").*/\1/p' "$version_file" | head -n1)"
fi
if [[ "$version" != "unknown" && "${version%%.*}" != "$MLIR_MAJOR" ]]; then
  die "found MLIR $version at $prefix, but mlir-ffi needs MLIR $MLIR_MAJOR. Install libmlir-$MLIR_MAJOR-dev or set MLIR_PREFIX to an MLIR $MLIR_MAJOR prefix."
fi

# LLVM's shared library: beside MLIR in an LLVM-style prefix, or in the
# multiarch directory on Debian (libLLVM.so.22.1; plain -lLLVM finds nothing).
find_libllvm() {
  local multiarch dirs d f
  multiarch="$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)"
  dirs=("$prefix/lib" "$prefix/../../lib/$multiarch" "$prefix/../$multiarch" "/usr/lib/$multiarch")
  for d in "${dirs[@]}"; do
    for f in "$d/libLLVM.so.$MLIR_MAJOR.1" "$d/libLLVM-$MLIR_MAJOR.so" "$d/libLLVM.so"; do
      if [[ -e "$f" ]]; then
        echo "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"
        return 0
      fi
    done
  done
  return 1
}
libllvm="$(find_libllvm)" || die "libLLVM.so.$MLIR_MAJOR.1 not found next to $prefix or in /usr/lib/<multiarch>; install libllvm$MLIR_MAJOR."

if ! command -v gcc >/dev/null 2>&1; then
  install_with_apt gcc libc6-dev || die "gcc is needed to build the shim: sudo apt-get install gcc"
fi

sources=("$here"/src/*.c)
archives=("$prefix"/lib/libMLIRCAPI*.a)
cflags=(-O2 -g0 -fPIC -std=gnu11 -Wall -Wextra -Werror=implicit-function-declaration
  -Wno-unused-parameter -fvisibility=hidden "-DMLIRFFI_MLIR_MAJOR=$MLIR_MAJOR" "-I$prefix/include")
ldflags=(-shared -Wl,--whole-archive "${archives[@]}" -Wl,--no-whole-archive
  "-L$prefix/lib" -lMLIR -lMLIRExecutionEngineShared "$libllvm" -lstdc++ -lpthread
  "-Wl,-rpath,$prefix/lib" "-Wl,-rpath,$(dirname "$libllvm")" -Wl,--no-undefined)

# Rebuild only when the sources, the MLIR found or the flags change.
digest="$( { cat "$here"/src/*.c "$here"/src/*.h "$here"/tools/*.c "${BASH_SOURCE[0]}"; echo "$prefix $version $libllvm ${cflags[*]}"; } | sha256sum | cut -d' ' -f1)"
if [[ "${1:-}" != "--force" && -f "$lib" && -f "$checker" && -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then
  [[ "${1:-}" == "--print-prefix" ]] && echo "$prefix"
  exit 0
fi

mkdir -p "$out_dir"
say "compiling against MLIR $version at $prefix"
tmp="$lib.tmp.$$"
gcc "${cflags[@]}" "${sources[@]}" "${ldflags[@]}" -o "$tmp"
mv -f "$tmp" "$lib"
# The bytecode checker runs untrusted bytecode through MLIR's reader in a
# process of its own (see native/tools/check_bytecode.c).
gcc -O2 "$here/tools/check_bytecode.c" -o "$checker.tmp.$$" "-L$out_dir" -lmlirffi "-Wl,-rpath,$out_dir" \
  "-Wl,-rpath,$prefix/lib" "-Wl,-rpath,$(dirname "$libllvm")"
mv -f "$checker.tmp.$$" "$checker"
echo "$digest" > "$stamp"
say "built $lib"
[[ "${1:-}" == "--print-prefix" ]] && echo "$prefix"
exit 0
