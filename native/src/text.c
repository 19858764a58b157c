/* Text results: MLIR prints through callbacks; the shim collects the pieces in
 * a per-thread buffer and the JS side reads the whole text in one go. */
#include <string.h>

#include "shim.h"

static _Thread_local Buf out;

Buf *out_begin(void) {
  out.len = 0;
  return &out;
}

void out_string_callback(MlirStringRef s, void *user) {
  buf_append((Buf *)user, s.data, s.length);
}

double out_deliver(uint8_t *dst, uint32_t cap) {
  if (dst && out.len) memcpy(dst, out.data, out.len < cap ? out.len : cap);
  return (double)out.len;
}

/* Copies the last text result into `dst` (which must hold `cap` bytes);
 * used when the result did not fit the caller's scratch array. */
MLIRFFI_EXPORT double mlirffi_out_copy(uint8_t *dst, uint32_t cap) {
  return out_deliver(dst, cap);
}

/* Releases the output buffer's memory after a very large text. */
MLIRFFI_EXPORT void mlirffi_out_trim(void) {
  if (out.cap > (1u << 20)) buf_free(&out);
}
