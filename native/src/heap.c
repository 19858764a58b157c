/* The C heap's size in use, for tests that show an operation leaks nothing:
 * a loop of calls that leaked even a few bytes each would move it, where the
 * process's resident size is too coarse to tell. */
#include <malloc.h>

#include "shim.h"

/* Bytes allocated with malloc and not yet freed, on glibc's main arena and
 * the others (mmapped chunks included). */
MLIRFFI_EXPORT double mlirffi_heap_in_use(void) {
  struct mallinfo2 m = mallinfo2();
  return (double)(m.uordblks + m.hblkhd);
}
