/* Benchmark-only native code, built into build/libmlirffi_bench.so by
 * bench/native/build.sh and never shipped: the FFI call shapes priced by
 * bench/ffi_repr.bench.ts, the C heap reading of bench/churn.ts, and the
 * native floor of the walk benchmark. It links against libmlirffi.so, which
 * exports MLIR's C API. */
#include "shim.h"

/* Identity functions in each candidate pointer representation, used by
 * bench/ffi_repr.bench.ts to price one call per representation. */
MLIRFFI_EXPORT void mlirffi_bench_noop(void) {}
MLIRFFI_EXPORT double mlirffi_bench_f64(double h) { return h; }
MLIRFFI_EXPORT void *mlirffi_bench_ptr(void *p) { return p; }
MLIRFFI_EXPORT uint64_t mlirffi_bench_u64(uint64_t v) { return v; }
/* A buffer argument, the shape of every text and batch call: reads one byte
 * so the call cannot be elided. bench/ffi_runtime.bench.ts. */
MLIRFFI_EXPORT double mlirffi_bench_buffer(const uint8_t *p, uint32_t n) { return n ? p[0] : 0; }
/* Returns an MLIR-like one-pointer struct the way the C API does. */
MLIRFFI_EXPORT MlirOperation mlirffi_bench_struct(MlirOperation op) { return op; }

#include <time.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Bytes the C heap has handed out and not had back (glibc's mallinfo2: small
 * blocks plus mmapped ones), or -1 elsewhere. bench/churn.ts reads it next to
 * RSS: memory freed but kept by the allocator raises RSS, not this. */
MLIRFFI_EXPORT double mlirffi_bench_malloc_in_use(void) {
#ifdef __GLIBC__
  struct mallinfo2 m = mallinfo2();
  return (double)(m.uordblks + m.hblkhd);
#else
  return -1;
#endif
}

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

typedef struct {
  size_t ops;
  size_t name_bytes;
} WalkSink;

static MlirWalkResult touch_name(MlirOperation op, void *user) {
  WalkSink *sink = user;
  sink->ops++;
  sink->name_bytes += mlirIdentifierStr(mlirOperationGetName(op)).length;
  return MlirWalkResultAdvance;
}

/* The native floor for the walk benchmark: walks `root` with the C API,
 * reading every operation's name, `reps` times; returns the best time per
 * operation in nanoseconds and writes the operation count to out[0]. */
MLIRFFI_EXPORT double mlirffi_bench_native_walk(H root, int32_t reps, double *out) {
  double best = 1e300;
  WalkSink sink = {0, 0};
  for (int32_t r = 0; r < reps; r++) {
    sink.ops = 0;
    double start = now_ns();
    mlirOperationWalk(AS_OP(root), touch_name, &sink, MlirWalkPreOrder);
    double elapsed = now_ns() - start;
    if (elapsed < best) best = elapsed;
  }
  out[0] = (double)sink.ops;
  out[1] = (double)sink.name_bytes;
  return sink.ops ? best / (double)sink.ops : 0;
}

/* Calls `fn` (a JS callback with the dispatcher's signature) `n` times: the
 * floor under every TypeScript pass and pattern call, priced by
 * bench/workloads/callbacks.bench.ts. */
typedef int32_t (*BenchCallback)(int32_t kind, int32_t id, double a, double b);
MLIRFFI_EXPORT double mlirffi_bench_call_back(void *fn, int32_t n) {
  BenchCallback cb = (BenchCallback)fn;
  double sum = 0;
  for (int32_t i = 0; i < n; i++) sum += cb(0, i, 0, 0);
  return sum;
}
