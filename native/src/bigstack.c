/* Runs deep-recursing MLIR calls on a large stack of their own.
 *
 * The runtimes' main threads have 8 MB stacks; MLIR's parser, printer,
 * verifier and IR destructor recurse per nesting level and overflow it near
 * 20,000 levels, which kills the process. swapcontext onto a 1 GiB mapping
 * that the kernel commits only as it is touched moves that limit two orders
 * of magnitude out for under a microsecond per call. No JS runs while we are
 * on this stack: the shim never calls back into JS. */
#include <stdlib.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "shim.h"

#define BIG_STACK_SIZE ((size_t)1 << 30)
#define GUARD_SIZE ((size_t)1 << 16)

static _Thread_local char *stack_mem;
static _Thread_local bool stack_unavailable;
static _Thread_local bool on_big_stack;
static _Thread_local ucontext_t caller_ctx, callee_ctx;
static _Thread_local void (*pending_fn)(void *);
static _Thread_local void *pending_arg;

static void entry(void) { pending_fn(pending_arg); }

static bool ensure_stack(void) {
  if (stack_mem) return true;
  if (stack_unavailable) return false;
  void *mem = mmap(NULL, BIG_STACK_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (mem == MAP_FAILED) {
    stack_unavailable = true;
    return false;
  }
  /* A guard at the low end turns an overflow of even this stack into a
   * fault at a known place instead of a write into a neighbouring mapping. */
  mprotect(mem, GUARD_SIZE, PROT_NONE);
  stack_mem = mem;
  return true;
}

void run_on_big_stack(void (*fn)(void *), void *arg) {
  if (on_big_stack || !ensure_stack()) {
    fn(arg);
    return;
  }
  pending_fn = fn;
  pending_arg = arg;
  getcontext(&callee_ctx);
  callee_ctx.uc_stack.ss_sp = stack_mem + GUARD_SIZE;
  callee_ctx.uc_stack.ss_size = BIG_STACK_SIZE - GUARD_SIZE;
  callee_ctx.uc_link = &caller_ctx;
  makecontext(&callee_ctx, entry, 0);
  on_big_stack = true;
  swapcontext(&caller_ctx, &callee_ctx);
  on_big_stack = false;
}

/* The stack size in bytes, for tests and documentation. */
MLIRFFI_EXPORT double mlirffi_big_stack_size(void) { return (double)BIG_STACK_SIZE; }
