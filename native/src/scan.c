/* A pre-scan of source text before it reaches MLIR's parser, which trusts its
 * input in ways that can take the process down: it recurses once per nesting
 * level (deep input overflows even the big stack, and tearing down deep IR
 * takes time quadratic in the depth), and it treats NUL bytes as whitespace.
 * The scan finds the nesting depth, the first NUL byte and the first byte
 * that is not valid UTF-8, in one pass. It also finds input known to crash
 * MLIR 22's parser: a dense array of `index` (`array<index: ...>` reaches
 * getIntOrFloatBitWidth on an index type, llvm/llvm-project#179045). */
#include <string.h>

#include "shim.h"

/* Length of the UTF-8 sequence starting at s[i], or 0 if invalid. */
static size_t utf8_length(const uint8_t *s, size_t i, size_t len) {
  uint8_t c = s[i];
  if (c < 0x80) return 1;
  size_t n;
  uint32_t min;
  if ((c & 0xE0) == 0xC0) n = 2, min = 0x80;
  else if ((c & 0xF0) == 0xE0) n = 3, min = 0x800;
  else if ((c & 0xF8) == 0xF0) n = 4, min = 0x10000;
  else return 0;
  if (i + n > len) return 0;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; k++) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i + k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

static bool is_ident_char(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         c == '.' || c == '-' || c == '#' || c == '!' || c == '@' || c == '%' || c == '^';
}

static size_t skip_space(const uint8_t *s, size_t i, size_t len) {
  while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
  return i;
}

/* Whether `array <index` (a builtin dense array of index) starts at s[i]. */
static bool dense_index_array_at(const uint8_t *s, size_t i, size_t len) {
  if (i > 0 && is_ident_char(s[i - 1])) return false;
  if (i + 5 > len || memcmp(s + i, "array", 5) != 0) return false;
  size_t j = skip_space(s, i + 5, len);
  if (j >= len || s[j] != '<') return false;
  j = skip_space(s, j + 1, len);
  if (j + 5 > len || memcmp(s + j, "index", 5) != 0) return false;
  return j + 5 == len || !is_ident_char(s[j + 5]);
}

/* out[0]: deepest nesting of (), [], {} and <> outside strings and comments;
 * out[1]: offset of the first NUL byte, or -1;
 * out[2]: offset of the first invalid UTF-8 byte, or -1;
 * out[3]: offset of the first dense array of index, or -1. */
MLIRFFI_EXPORT void mlirffi_scan_source(const uint8_t *s, uint32_t len, double *out) {
  long depth = 0, max_depth = 0;
  double nul = -1, bad = -1, index_array = -1;
  bool in_string = false, in_comment = false;
  for (size_t i = 0; i < len; i++) {
    uint8_t c = s[i];
    if (c == 0 && nul < 0) nul = (double)i;
    if (c >= 0x80) {
      size_t n = utf8_length(s, i, len);
      if (n == 0) {
        if (bad < 0) bad = (double)i;
        continue;
      }
      i += n - 1;
      continue;
    }
    if (in_comment) {
      if (c == '\n') in_comment = false;
      continue;
    }
    if (in_string) {
      if (c == '\\') i++;
      else if (c == '"' || c == '\n') in_string = false;
      continue;
    }
    if (c == 'a' && index_array < 0 && dense_index_array_at(s, i, len)) index_array = (double)i;
    switch (c) {
      case '"': in_string = true; break;
      case '/':
        if (i + 1 < len && s[i + 1] == '/') in_comment = true;
        break;
      case '(': case '[': case '{':
        if (++depth > max_depth) max_depth = depth;
        break;
      case '<':
        /* `<=` compares (affine sets); every other `<` opens a type list. */
        if (!(i + 1 < len && s[i + 1] == '=') && ++depth > max_depth) max_depth = depth;
        break;
      case ')': case ']': case '}':
        if (depth > 0) depth--;
        break;
      case '>':
        /* `->` and `>=` are arrows and comparisons, not closers. */
        if (!(i > 0 && s[i - 1] == '-') && !(i + 1 < len && s[i + 1] == '=') && depth > 0) depth--;
        break;
    }
  }
  out[0] = (double)max_depth;
  out[1] = nul;
  out[2] = bad;
  out[3] = index_array;
}
