/* Strings owned by MLIR (identifiers, attribute names, dialect namespaces),
 * copied out to the JS side. */
#include <string.h>

#include "shim.h"

/* Copies `s` into dst when it fits; otherwise keeps it in the text result for
 * mlirffi_out_copy. Returns the full length either way. */
static double deliver_ref(MlirStringRef s, uint8_t *dst, uint32_t cap) {
  if (s.length <= cap) {
    if (s.length) memcpy(dst, s.data, s.length);
    return (double)s.length;
  }
  Buf *out = out_begin();
  buf_append(out, s.data, s.length);
  return out_deliver(dst, cap);
}

MLIRFFI_EXPORT double mlirffi_identifier_str(H id, uint8_t *dst, uint32_t cap) {
  return deliver_ref(mlirIdentifierStr((MlirIdentifier){hp(id)}), dst, cap);
}

MLIRFFI_EXPORT H mlirffi_identifier_get(H ctx, const uint8_t *s, uint32_t len) {
  return ph(mlirIdentifierGet((MlirContext){hp(ctx)}, str_ref(s, len)).ptr);
}
