/* Operation names as small integers. An operation's name is an identifier
 * uniqued in its context; walking a module reads thousands of names but only
 * a few dozen distinct ones. Each context numbers the identifiers it has
 * seen, so a batch walk can hand the JS side a small index per operation,
 * which it turns into a string with an array lookup instead of a Map lookup
 * keyed by a 47-bit pointer. */
#include <stdlib.h>

#include "shim.h"

void names_free(NameTable *t) {
  free(t->slots);
  free(t->ids);
  *t = (NameTable){0};
}

static uint32_t slot_of(const void *p, uint32_t mask) {
  uintptr_t h = (uintptr_t)p >> 3;
  h ^= h >> 17;
  h *= 0x9E3779B97F4A7C15ull;
  return (uint32_t)(h >> 32) & mask;
}

static void grow(NameTable *t) {
  uint32_t cap = t->cap ? t->cap * 2 : 64;
  int32_t *slots = malloc(sizeof *slots * cap);
  const void **ids = realloc(t->ids, sizeof *ids * (cap / 2));
  if (!slots || !ids) abort();
  for (uint32_t i = 0; i < cap; i++) slots[i] = -1;
  for (uint32_t n = 0; n < t->len; n++) {
    uint32_t s = slot_of(ids[n], cap - 1);
    while (slots[s] >= 0) s = (s + 1) & (cap - 1);
    slots[s] = (int32_t)n;
  }
  free(t->slots);
  t->slots = slots;
  t->ids = ids;
  t->cap = cap;
}

int32_t ptr_table_index(NameTable *t, const void *p, bool *added) {
  if (t->len * 2 >= t->cap) grow(t);
  uint32_t mask = t->cap - 1;
  for (uint32_t s = slot_of(p, mask);; s = (s + 1) & mask) {
    int32_t n = t->slots[s];
    if (n < 0) {
      t->ids[t->len] = p;
      t->slots[s] = (int32_t)t->len;
      if (added) *added = true;
      return (int32_t)t->len++;
    }
    if (t->ids[n] == p) {
      if (added) *added = false;
      return n;
    }
  }
}

int32_t names_index(NameTable *t, MlirIdentifier id) { return ptr_table_index(t, id.ptr, NULL); }

/* The index of an operation's name in its context's table. */
MLIRFFI_EXPORT int32_t mlirffi_op_name_index(H ctx, H op) {
  return names_index(ffi_ctx_names(hp(ctx)), mlirOperationGetName(AS_OP(op)));
}

/* The name with index `index`, as a text result. */
MLIRFFI_EXPORT double mlirffi_name_at(H ctx, int32_t index, uint8_t *dst, uint32_t cap) {
  NameTable *t = ffi_ctx_names(hp(ctx));
  if (index < 0 || (uint32_t)index >= t->len) return -1;
  Buf *out = out_begin();
  MlirStringRef s = mlirIdentifierStr((MlirIdentifier){t->ids[index]});
  buf_append(out, s.data, s.length);
  return out_deliver(dst, cap);
}
