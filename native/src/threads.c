/* Threading control: a context's multithreading switch, its thread count,
 * and LLVM thread pools shared by several contexts.
 *
 * MLIR keeps a bare pointer to a pool it is given (setThreadPool) for the
 * rest of the context's life: turning multithreading off and on again uses
 * the same pool. So a pool is counted: one reference for its JS handle and
 * one for each context holding it; disposing the handle while contexts still
 * hold it defers the destruction to the last of them (context.c releases its
 * reference after mlirContextDestroy). */
#include <stdatomic.h>
#include <stdlib.h>

#include "shim.h"

struct ThreadPoolRec {
  MlirLlvmThreadPool pool;
  atomic_int refs;
};

/* Pools not yet destroyed, for tests of the deferred destruction. */
static atomic_int live_pools;

void thread_pool_release(ThreadPoolRec *p) {
  if (p && atomic_fetch_sub(&p->refs, 1) == 1) {
    mlirLlvmThreadPoolDestroy(p->pool);
    free(p);
    atomic_fetch_sub(&live_pools, 1);
  }
}

MLIRFFI_EXPORT int32_t mlirffi_thread_pools_live(void) { return atomic_load(&live_pools); }

/* A new pool (threads start on first use), with one reference: the caller's. */
MLIRFFI_EXPORT H mlirffi_thread_pool_create(void) {
  ThreadPoolRec *p = calloc(1, sizeof *p);
  if (!p) return 0;
  p->pool = mlirLlvmThreadPoolCreate();
  atomic_init(&p->refs, 1);
  atomic_fetch_add(&live_pools, 1);
  return ph(p);
}

/* Drops the JS handle's reference. */
MLIRFFI_EXPORT void mlirffi_thread_pool_release(H pool) { thread_pool_release(hp(pool)); }

/* Gives the context `pool` and turns multithreading on. MLIR asserts that
 * multithreading is off when a pool is set, so it is turned off first (which
 * also joins the context's own pool, if it had one). */
MLIRFFI_EXPORT void mlirffi_context_set_thread_pool(H c, H pool) {
  FfiContext *ctx = hp(c);
  ThreadPoolRec *p = hp(pool);
  atomic_fetch_add(&p->refs, 1);
  mlirContextEnableMultithreading(ffi_ctx_raw(ctx), false);
  mlirContextSetThreadPool(ffi_ctx_raw(ctx), p->pool);
  ffi_ctx_set_pool(ctx, p);
}

/* The number of threads MLIR uses in the context (1 when single-threaded). */
MLIRFFI_EXPORT int32_t mlirffi_context_num_threads(H c) {
  return (int32_t)mlirContextGetNumThreads(ffi_ctx_raw(hp(c)));
}
