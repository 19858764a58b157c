/* Reads MLIR bytecode from stdin, in a process of its own, and writes it
 * back as MLIR text.
 *
 * MLIR's bytecode reader trusts its input: some corrupted streams make it
 * crash, others produce attributes whose stored data does not match their
 * type, which crash (or read stray memory) whenever they are printed or
 * read later. So mlir-ffi never reads untrusted bytecode in the caller's
 * process: this program reads it and prints it in the generic form with
 * locations, and the caller parses that text with MLIR's text parser, which
 * checks everything. Exit status: 0 with the text on stdout; 1 with the
 * parse diagnostics (JSON) on stdout; a signal if the reader crashed.
 *
 * The reader also trusts the sizes a stream claims: a few hundred corrupted
 * bytes can make it allocate gigabytes. The address space is capped in
 * proportion to the input, so such a stream fails fast with an allocation
 * error (a crash, reported as a malformed stream) instead of thrashing. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

typedef double H;
H mlirffi_context_create(_Bool allow_unregistered, _Bool threading);
H mlirffi_parse_op(H ctx, const unsigned char *src, unsigned len, const unsigned char *name, unsigned name_len);
double mlirffi_op_print(H op, int flags, double large_elements_limit, unsigned char *dst, unsigned cap);
double mlirffi_diag_take(H ctx, unsigned char *dst, unsigned cap);
double mlirffi_out_copy(unsigned char *dst, unsigned cap);

enum { PRINT_GENERIC = 1, PRINT_DEBUG_INFO = 2 };

static int emit(double len) {
  unsigned char *text = malloc((size_t)len + 1);
  if (!text) return 2;
  mlirffi_out_copy(text, (unsigned)len);
  fwrite(text, 1, (size_t)len, stdout);
  return 0;
}

/* Room for the loaded libraries (about 300 MiB of mappings) and the text
 * form of the module, which is rarely more than 64 times its bytecode. */
static void limit_memory(size_t input_len) {
  const rlim_t base = (rlim_t)1 << 30, per_byte = 64;
  rlim_t cap = base + per_byte * (rlim_t)input_len;
  struct rlimit current;
  if (getrlimit(RLIMIT_AS, &current) == 0 && current.rlim_max != RLIM_INFINITY && current.rlim_max < cap) cap = current.rlim_max;
  struct rlimit limit = {cap, cap};
  setrlimit(RLIMIT_AS, &limit);
}

int main(int argc, char **argv) {
  size_t cap = 1 << 16, len = 0;
  unsigned char *buf = malloc(cap + 1);
  if (!buf) return 2;
  size_t n;
  while ((n = fread(buf + len, 1, cap - len, stdin)) > 0) {
    len += n;
    if (len == cap) {
      cap *= 2;
      unsigned char *grown = realloc(buf, cap + 1);
      if (!grown) return 2;
      buf = grown;
    }
  }
  buf[len] = 0;
  limit_memory(len);
  H ctx = mlirffi_context_create(argc > 1 && argv[1][0] == 'u', 0);
  const char *name = argc > 2 ? argv[2] : "-";
  unsigned name_len = 0;
  while (name[name_len]) name_len++;
  H op = mlirffi_parse_op(ctx, buf, (unsigned)len, (const unsigned char *)name, name_len);
  if (op == 0) return emit(mlirffi_diag_take(ctx, NULL, 0)) == 0 ? 1 : 2;
  return emit(mlirffi_op_print(op, PRINT_GENERIC | PRINT_DEBUG_INFO, -1, NULL, 0));
}
