/* A growable byte buffer for the shim's text results and diagnostic lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

static void reserve(Buf *b, size_t extra) {
  if (b->len + extra <= b->cap) return;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra) cap *= 2;
  char *data = realloc(b->data, cap);
  if (!data) abort(); /* out of memory: nothing sensible is left to do */
  b->data = data;
  b->cap = cap;
}

void buf_append(Buf *b, const char *data, size_t len) {
  if (len == 0) return;
  reserve(b, len);
  memcpy(b->data + b->len, data, len);
  b->len += len;
}

void buf_append_cstr(Buf *b, const char *s) { buf_append(b, s, strlen(s)); }

void buf_append_int(Buf *b, long long v) {
  char tmp[32];
  int n = snprintf(tmp, sizeof tmp, "%lld", v);
  buf_append(b, tmp, (size_t)n);
}

void buf_append_json_escaped(Buf *b, const char *s, size_t len) {
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
      case '"': buf_append(b, "\\\"", 2); break;
      case '\\': buf_append(b, "\\\\", 2); break;
      case '\n': buf_append(b, "\\n", 2); break;
      case '\r': buf_append(b, "\\r", 2); break;
      case '\t': buf_append(b, "\\t", 2); break;
      default:
        if (c < 0x20) {
          char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
          buf_append(b, esc, 6);
        } else {
          buf_append(b, (const char *)&c, 1);
        }
    }
  }
}

void buf_free(Buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}
