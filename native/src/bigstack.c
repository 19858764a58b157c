/* Runs deep-recursing MLIR calls on a large stack of their own.
 *
 * The runtimes' main threads have 8 MB stacks; MLIR's parser, printer,
 * verifier and IR destructor recurse per nesting level and overflow it near
 * 20,000 levels, which kills the process. Switching to a 1 GiB mapping that
 * the kernel commits only as it is touched moves that limit two orders of
 * magnitude out. No JS runs while we are on this stack: calls that may call
 * back into JS (pass runs with TypeScript passes) stay on the runtime's own
 * stack, and callbacks.c refuses a callback that would run here.
 *
 * On x86-64 and AArch64 the switch is three instructions (save the stack
 * pointer in a callee-saved register, load the new one, call); elsewhere it
 * falls back to swapcontext, which also saves and restores the signal mask
 * with two system calls (about a microsecond). */
#include <stdlib.h>
#include <sys/mman.h>

#include "shim.h"

#define BIG_STACK_SIZE ((size_t)1 << 30)
#define GUARD_SIZE ((size_t)1 << 16)

static _Thread_local char *stack_mem;
static _Thread_local bool stack_unavailable;
static _Thread_local bool on_big_stack;

static bool ensure_stack(void) {
  if (stack_mem) return true;
  if (stack_unavailable) return false;
  /* For tests that show what happens without it. */
  if (getenv("MLIR_FFI_NO_BIG_STACK")) {
    stack_unavailable = true;
    return false;
  }
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

#if defined(__x86_64__)

static void call_on_stack(void (*fn)(void *), void *arg, void *top) {
  /* rbx is callee-saved, so it survives the call and holds our stack
   * pointer; everything the SysV ABI lets the callee change is clobbered. */
  __asm__ volatile(
      "mov %%rsp, %%rbx\n\t"
      "mov %[top], %%rsp\n\t"
      "call *%[fn]\n\t"
      "mov %%rbx, %%rsp\n\t"
      : [fn] "+r"(fn), "+D"(arg)
      : [top] "r"(top)
      : "rbx", "rax", "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "memory", "cc", "xmm0", "xmm1",
        "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",
        "xmm14", "xmm15", "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", "st(6)", "st(7)");
}
#define HAVE_CALL_ON_STACK 1

#elif defined(__aarch64__)

static void call_on_stack(void (*fn)(void *), void *arg, void *top) {
  register void *x0 __asm__("x0") = arg;
  __asm__ volatile(
      "mov x19, sp\n\t"
      "mov sp, %[top]\n\t"
      "blr %[fn]\n\t"
      "mov sp, x19\n\t"
      : "+r"(x0), [fn] "+r"(fn)
      : [top] "r"(top)
      : "x19", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14",
        "x15", "x16", "x17", "x18", "x30", "memory", "cc", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7",
        "v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29",
        "v30", "v31");
}
#define HAVE_CALL_ON_STACK 1

#else

#include <ucontext.h>
static _Thread_local ucontext_t caller_ctx, callee_ctx;
static _Thread_local void (*pending_fn)(void *);
static _Thread_local void *pending_arg;
static void entry(void) { pending_fn(pending_arg); }

static void call_on_stack(void (*fn)(void *), void *arg, void *top) {
  (void)top;
  pending_fn = fn;
  pending_arg = arg;
  getcontext(&callee_ctx);
  callee_ctx.uc_stack.ss_sp = stack_mem + GUARD_SIZE;
  callee_ctx.uc_stack.ss_size = BIG_STACK_SIZE - GUARD_SIZE;
  callee_ctx.uc_link = &caller_ctx;
  makecontext(&callee_ctx, entry, 0);
  swapcontext(&caller_ctx, &callee_ctx);
}

#endif

void run_on_big_stack(void (*fn)(void *), void *arg) {
  if (on_big_stack || !ensure_stack()) {
    fn(arg);
    return;
  }
  on_big_stack = true;
  /* The top of the mapping, 16-byte aligned as both ABIs require at a call. */
  call_on_stack(fn, arg, stack_mem + BIG_STACK_SIZE - 64);
  on_big_stack = false;
}

bool ffi_on_big_stack(void) { return on_big_stack; }

/* The stack size in bytes, for tests and documentation. */
MLIRFFI_EXPORT double mlirffi_big_stack_size(void) { return (double)BIG_STACK_SIZE; }
