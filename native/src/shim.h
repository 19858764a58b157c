/* Internal header of libmlirffi: the C shim between the MLIR C API and the
 * Bun / Deno FFI layers in src/ffi/.
 *
 * Every native object crosses the FFI boundary as a C `double` (the `H` type):
 * both runtimes pass and return f64 as a plain JS number on their fast call
 * paths, a number is a cheap and exact Map key, and user-space addresses on
 * x86-64 and AArch64 stay far below 2^53. Deno, by contrast, returns pointers
 * as fresh objects without identity and 64-bit integers as BigInt
 * (measurements in bench/ffi_repr.bench.ts). */
#ifndef MLIRFFI_SHIM_H
#define MLIRFFI_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <mlir-c/BuiltinAttributes.h>
#include <mlir-c/BuiltinTypes.h>
#include <mlir-c/Diagnostics.h>
#include <mlir-c/IR.h>
#include <mlir-c/Pass.h>
#include <mlir-c/Support.h>

/* Bump when an exported signature changes: the loader refuses a library whose
 * ABI differs from the one src/ffi/symbols.ts was written for. */
#define MLIRFFI_ABI_VERSION 6
#define MLIRFFI_EXPORT __attribute__((visibility("default")))

typedef double H;

static inline void *hp(H h) { return (void *)(uintptr_t)h; }
static inline H ph(const void *p) { return (H)(uintptr_t)p; }

#define AS_OP(h) ((MlirOperation){hp(h)})
#define AS_BLOCK(h) ((MlirBlock){hp(h)})
#define AS_REGION(h) ((MlirRegion){hp(h)})
#define AS_VALUE(h) ((MlirValue){hp(h)})
#define AS_TYPE(h) ((MlirType){hp(h)})
#define AS_ATTR(h) ((MlirAttribute){hp(h)})
#define AS_LOC(h) ((MlirLocation){hp(h)})
#define AS_MODULE(h) ((MlirModule){hp(h)})
#define AS_OPERAND(h) ((MlirOpOperand){hp(h)})

static inline MlirStringRef str_ref(const uint8_t *data, uint32_t len) {
  return (MlirStringRef){(const char *)data, len};
}

/* ---- growable byte buffer (buffer.c) ---- */
typedef struct {
  char *data;
  size_t len;
  size_t cap;
} Buf;

void buf_append(Buf *b, const char *data, size_t len);
void buf_append_cstr(Buf *b, const char *s);
void buf_append_int(Buf *b, long long v);
/* Appends `s` as the body of a JSON string (quotes not included). */
void buf_append_json_escaped(Buf *b, const char *s, size_t len);
void buf_free(Buf *b);

/* ---- text results (text.c) ----
 * Functions that produce text append it to the calling thread's output buffer
 * and hand it over with deliver(): the first `cap` bytes go straight into the
 * caller's scratch array, the return value is the full length, and a longer
 * text is fetched with mlirffi_out_copy. One FFI call in the common case. */
Buf *out_begin(void);
void out_string_callback(MlirStringRef s, void *user);
double out_deliver(uint8_t *dst, uint32_t cap);

/* ---- operation names as small integers (names.c) ---- */
typedef struct {
  int32_t *slots;   /* open addressing: index into ids, or -1 */
  const void **ids; /* identifier pointers, by index */
  uint32_t cap, len;
} NameTable;

int32_t names_index(NameTable *t, MlirIdentifier id);
/* The same numbering for any pointer; `added` (if given) tells whether it was new. */
int32_t ptr_table_index(NameTable *t, const void *p, bool *added);
void names_free(NameTable *t);

/* ---- per-context state (context.c) ---- */
typedef struct FfiContext FfiContext;

/* The dispatcher kind of a diagnostic offered to JS handlers (callbacks.c). */
#define CALLBACK_DIAGNOSTIC 5
/* Calls JS through the dispatcher when allowed (runtime thread, its own
 * stack); -2 without calling when not. */
int32_t ffi_dispatch_quiet(int32_t kind, int32_t id, double a, double b);
/* Whether any context has diagnostics recorded and not yet taken; the
 * dispatcher adds this bit to the kind when it does. */
int32_t ffi_diagnostics_pending(void);
#define CALLBACK_DIAGNOSTICS_PENDING 0x100
MlirContext ffi_ctx_raw(const FfiContext *c);
NameTable *ffi_ctx_names(FfiContext *c);
/* A new context record with the dialects of `registry` (registry.c uses it). */
FfiContext *ffi_context_create(MlirDialectRegistry registry, bool allow_unregistered, bool threading);

/* ---- shared thread pools (threads.c) ----
 * Counted: one reference for the JS handle, one for each context given the
 * pool, so it is destroyed only after the last of them is gone. */
typedef struct ThreadPoolRec ThreadPoolRec;
void thread_pool_release(ThreadPoolRec *pool); /* NULL: nothing */
/* Hands the context a reference to `pool` (taken by the caller), releasing
 * the one it held before. */
void ffi_ctx_set_pool(FfiContext *c, ThreadPoolRec *pool);

/* What the affine checks know of each expression seen in a context
 * (affine.c): expressions live as long as their context, so what is learnt
 * of one stays true until the context goes. */
typedef struct AffineFacts AffineFacts;
typedef struct {
  NameTable ids;      /* expression pointer -> index into facts */
  AffineFacts *facts; /* by index */
  uint32_t cap;
} AffineCache;
AffineCache *ffi_ctx_affine(FfiContext *c);
void affine_cache_free(AffineCache *cache);
/* Appends one diagnostic, as JSON, to the context's pending list. */
void diag_record(FfiContext *c, MlirDiagnostic d);

/* ---- stderr capture (capture.c) ---- */
typedef struct Capture {
  int saved;
  void *file;
} Capture;
/* Starts sending stderr to a temporary file; capture_end restores it and
 * leaves what was written as the text result. */
Capture capture_begin(void);
void capture_end(Capture c);

/* ---- big stack (bigstack.c) ----
 * MLIR's parser, printer, verifier, pass manager and IR destruction recurse
 * once per nesting level. Deep input would overflow the runtime's thread
 * stack and kill the process, so those calls run on a large, lazily committed
 * stack of their own. */
void run_on_big_stack(void (*fn)(void *), void *arg);
/* Whether this thread is on the big stack now (JS must never run there). */
bool ffi_on_big_stack(void);

/* Exported entry points that other files of the shim call too. */
int32_t mlirffi_attr_kind(H attr);
bool mlirffi_op_refers_outside(H root);

/* ---- emitc kinds (dialect_types_more.c, for dialect_types.c) ---- */
int32_t emitc_type_kind(MlirType t);
bool emitc_attr_is_opaque(MlirAttribute a);

#endif
