#!/usr/bin/env bash
# Builds build/libmlirffi_bench.so, the benchmarks' own native code
# (bench/native/bench.c), against the shim native/build.sh builds first.
# Prints the library's path. Rebuilds only when its inputs change.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out_dir="${MLIR_FFI_BUILD_DIR:-$root/build}"
lib="$out_dir/libmlirffi_bench.so"
stamp="$out_dir/libmlirffi_bench.stamp"

prefix="$(bash "$root/native/build.sh" --print-prefix)"
shim="$out_dir/libmlirffi.so"
digest="$( { cat "$here"/*.c "$root"/native/src/shim.h "${BASH_SOURCE[0]}"; echo "$prefix"; sha256sum "$shim"; } | sha256sum | cut -d' ' -f1)"
if [[ -f "$lib" && -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then
  echo "$lib"
  exit 0
fi
tmp="$lib.tmp.$$"
gcc -O2 -g0 -fPIC -std=gnu11 -Wall -Wextra -Wno-unused-parameter -fvisibility=hidden -shared \
  "-I$root/native/src" "-I$prefix/include" "$here"/*.c -o "$tmp" \
  "-L$out_dir" -lmlirffi "-Wl,-rpath,$out_dir" -Wl,--no-undefined
mv -f "$tmp" "$lib"
echo "$digest" > "$stamp"
echo "$lib"
