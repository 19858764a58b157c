/* The C heap's size in use, for tests that show an operation leaks nothing:
 * a loop of calls that leaked even a few bytes each would move it, where the
 * process's resident size is too coarse to tell. */
#include <dlfcn.h>
#include <malloc.h>

#include "shim.h"

/* Bytes allocated with malloc and not yet freed (glibc's arenas and mmapped
 * chunks), as the process's own allocator counts them: through the
 * process's handle, as JIT-compiled code binds malloc (see jit_calls.c), not
 * an LD_PRELOADed debug allocator's copy, which counts only its own calls. */
MLIRFFI_EXPORT double mlirffi_heap_in_use(void) {
  static struct mallinfo2 (*fn)(void);
  if (!fn) {
    void *process = dlopen(NULL, RTLD_LAZY);
    fn = process ? (struct mallinfo2 (*)(void))dlsym(process, "mallinfo2") : NULL;
    if (!fn) fn = mallinfo2;
  }
  struct mallinfo2 m = fn();
  return (double)(m.uordblks + m.hblkhd);
}
