#!/usr/bin/env bash
# Builds build/mlirffi_bench_napi.node, the minimal N-API addon
# bench/ffi_runtime.bench.ts prices koffi against, with gcc and the Node
# headers (`NODE_INCLUDE`, default /usr/include/node; node-gyp is not needed
# for one C file). Prints its path; rebuilds only when addon.c changes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out_dir="${MLIR_FFI_BUILD_DIR:-$root/build}"
include="${NODE_INCLUDE:-/usr/include/node}"
addon="$out_dir/mlirffi_bench_napi.node"
if [[ ! -f "$include/node_api.h" ]]; then
  echo "mlir-ffi bench: no Node headers at $include (set NODE_INCLUDE)" >&2
  exit 1
fi
mkdir -p "$out_dir"
if [[ ! -f "$addon" || "$here/addon.c" -nt "$addon" ]]; then
  gcc -O2 -g0 -fPIC -std=gnu11 -Wall -Wextra -shared -DNODE_GYP_MODULE_NAME=mlirffi_bench_napi \
    "-I$include" "$here/addon.c" -o "$addon.tmp.$$"
  mv -f "$addon.tmp.$$" "$addon"
fi
echo "$addon"
