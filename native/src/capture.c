/* Capturing what MLIR prints to stderr (IR printing between passes, timing
 * reports), so the JS side gets it as text instead of it going to the
 * terminal. The process's stderr is redirected to a temporary file for the
 * duration of one call. */
#include <stdio.h>
#include <unistd.h>

#include "shim.h"

Capture capture_begin(void) {
  Capture c = {-1, NULL};
  fflush(stderr);
  c.file = tmpfile();
  if (!c.file) return c;
  c.saved = dup(STDERR_FILENO);
  if (c.saved < 0 || dup2(fileno((FILE *)c.file), STDERR_FILENO) < 0) {
    if (c.saved >= 0) close(c.saved);
    fclose(c.file);
    c.file = NULL;
    c.saved = -1;
  }
  return c;
}

/* Restores stderr and appends what was captured to the text result. */
void capture_end(Capture c) {
  if (!c.file) return;
  fflush(stderr);
  dup2(c.saved, STDERR_FILENO);
  close(c.saved);
  Buf *out = out_begin();
  rewind((FILE *)c.file);
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, (FILE *)c.file)) > 0) buf_append(out, chunk, n);
  fclose(c.file);
}
