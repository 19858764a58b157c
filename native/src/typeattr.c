/* Types, attributes and locations: parse, print, compare. They are uniqued in
 * their context and live exactly as long as it does. */
#include "shim.h"

typedef struct {
  MlirContext ctx;
  MlirStringRef text;
  const void *result;
} FragmentJob;

static void parse_type(void *p) {
  FragmentJob *j = p;
  j->result = mlirTypeParseGet(j->ctx, j->text).ptr;
}
static void parse_attr(void *p) {
  FragmentJob *j = p;
  j->result = mlirAttributeParseGet(j->ctx, j->text).ptr;
}

/* Type and attribute parsing recurses per nesting level like module parsing
 * does, so it runs on the big stack too. */
MLIRFFI_EXPORT H mlirffi_type_parse(H ctx, const uint8_t *s, uint32_t len) {
  FragmentJob j = {ffi_ctx_raw(hp(ctx)), str_ref(s, len), NULL};
  run_on_big_stack(parse_type, &j);
  return ph(j.result);
}
MLIRFFI_EXPORT H mlirffi_attr_parse(H ctx, const uint8_t *s, uint32_t len) {
  FragmentJob j = {ffi_ctx_raw(hp(ctx)), str_ref(s, len), NULL};
  run_on_big_stack(parse_attr, &j);
  return ph(j.result);
}
MLIRFFI_EXPORT double mlirffi_type_print(H t, uint8_t *dst, uint32_t cap) {
  mlirTypePrint(AS_TYPE(t), out_string_callback, out_begin());
  return out_deliver(dst, cap);
}
MLIRFFI_EXPORT double mlirffi_attr_print(H a, uint8_t *dst, uint32_t cap) {
  mlirAttributePrint(AS_ATTR(a), out_string_callback, out_begin());
  return out_deliver(dst, cap);
}
MLIRFFI_EXPORT double mlirffi_loc_print(H l, uint8_t *dst, uint32_t cap) {
  mlirLocationPrint(AS_LOC(l), out_string_callback, out_begin());
  return out_deliver(dst, cap);
}
MLIRFFI_EXPORT H mlirffi_loc_unknown(H ctx) { return ph(mlirLocationUnknownGet(ffi_ctx_raw(hp(ctx))).ptr); }
MLIRFFI_EXPORT H mlirffi_loc_file(H ctx, const uint8_t *file, uint32_t len, uint32_t line, uint32_t col) {
  return ph(mlirLocationFileLineColGet(ffi_ctx_raw(hp(ctx)), str_ref(file, len), line, col).ptr);
}
MLIRFFI_EXPORT H mlirffi_attr_type(H a) { return ph(mlirAttributeGetType(AS_ATTR(a)).ptr); }
