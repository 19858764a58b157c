/* Contexts: creation with every upstream dialect registered, and the
 * per-context diagnostic list the JS side drains after each call that can
 * report something. The JS side never receives a callback: diagnostics are
 * recorded here and read back, so none can arrive after a context is gone. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <mlir-c/RegisterEverything.h>

#include "shim.h"

struct FfiContext {
  MlirContext ctx;
  pthread_mutex_t lock; /* MLIR's worker threads may report concurrently */
  Buf diags;            /* comma-separated JSON objects */
  int count;
  NameTable names;      /* operation names seen, numbered (names.c) */
  int32_t js_handlers;  /* the JS side's id for this context once it has diagnostic handlers, else 0 */
  AffineCache affine;   /* facts about affine expressions (affine.c) */
  ThreadPoolRec *pool;  /* the shared thread pool given to it, if any (threads.c) */
};

/* Set while a JS diagnostic handler runs: what it causes is recorded, not offered again. */
static int in_js_handler;

MlirContext ffi_ctx_raw(const FfiContext *c) { return c->ctx; }
NameTable *ffi_ctx_names(FfiContext *c) { return &c->names; }
AffineCache *ffi_ctx_affine(FfiContext *c) { return &c->affine; }

static pthread_once_t passes_once = PTHREAD_ONCE_INIT;
static void register_passes(void) { mlirRegisterAllPasses(); }

static const char *severity_name(MlirDiagnosticSeverity s) {
  switch (s) {
    case MlirDiagnosticError: return "error";
    case MlirDiagnosticWarning: return "warning";
    case MlirDiagnosticNote: return "note";
    default: return "remark";
  }
}

/* Finds the first file:line:col position inside a possibly nested location. */
static bool find_file_position(MlirLocation loc, int depth, MlirLocation *found) {
  if (depth > 64 || mlirLocationIsNull(loc)) return false;
  if (mlirLocationIsAFileLineColRange(loc)) {
    *found = loc;
    return true;
  }
  if (mlirLocationIsAName(loc))
    return find_file_position(mlirLocationNameGetChildLoc(loc), depth + 1, found);
  if (mlirLocationIsACallSite(loc))
    return find_file_position(mlirLocationCallSiteGetCallee(loc), depth + 1, found);
  if (mlirLocationIsAFused(loc)) {
    unsigned n = mlirLocationFusedGetNumLocations(loc);
    if (n == 0 || n > 4096) return false;
    MlirLocation *locs = malloc(sizeof(MlirLocation) * n);
    if (!locs) return false;
    mlirLocationFusedGetLocations(loc, locs);
    bool ok = false;
    for (unsigned i = 0; i < n && !ok; i++) ok = find_file_position(locs[i], depth + 1, found);
    free(locs);
    return ok;
  }
  return false;
}

static void json_string_callback(MlirStringRef s, void *user) {
  buf_append_json_escaped((Buf *)user, s.data, s.length);
}

static void append_diagnostic_json(Buf *b, MlirDiagnostic d, int depth) {
  buf_append_cstr(b, "{\"severity\":\"");
  buf_append_cstr(b, severity_name(mlirDiagnosticGetSeverity(d)));
  buf_append_cstr(b, "\",\"message\":\"");
  mlirDiagnosticPrint(d, json_string_callback, b);
  buf_append_cstr(b, "\",\"location\":\"");
  MlirLocation loc = mlirDiagnosticGetLocation(d);
  mlirLocationPrint(loc, json_string_callback, b);
  buf_append_cstr(b, "\"");
  MlirLocation pos;
  if (find_file_position(loc, 0, &pos)) {
    MlirStringRef file = mlirIdentifierStr(mlirLocationFileLineColRangeGetFilename(pos));
    buf_append_cstr(b, ",\"file\":\"");
    buf_append_json_escaped(b, file.data, file.length);
    buf_append_cstr(b, "\",\"line\":");
    buf_append_int(b, mlirLocationFileLineColRangeGetStartLine(pos));
    buf_append_cstr(b, ",\"column\":");
    buf_append_int(b, mlirLocationFileLineColRangeGetStartColumn(pos));
  }
  buf_append_cstr(b, ",\"notes\":[");
  intptr_t notes = depth < 8 ? mlirDiagnosticGetNumNotes(d) : 0;
  for (intptr_t i = 0; i < notes; i++) {
    if (i) buf_append(b, ",", 1);
    append_diagnostic_json(b, mlirDiagnosticGetNote(d, i), depth + 1);
  }
  buf_append_cstr(b, "]}");
}

/* Records one diagnostic already in JSON (`one`, freed here). */
/* Diagnostics recorded and not yet taken, over every context. A callback
 * into JS is told whether there are any (callbacks.c), so that it need not
 * make a native call to find out before it sets the caller's aside. */
static atomic_int pending_total;

int32_t ffi_diagnostics_pending(void) { return atomic_load_explicit(&pending_total, memory_order_relaxed); }

static void record_json(FfiContext *c, Buf *one) {
  pthread_mutex_lock(&c->lock);
  if (c->count++) buf_append(&c->diags, ",", 1);
  atomic_fetch_add_explicit(&pending_total, 1, memory_order_relaxed);
  buf_append(&c->diags, one->data, one->len);
  pthread_mutex_unlock(&c->lock);
  buf_free(one);
}

void diag_record(FfiContext *c, MlirDiagnostic d) {
  Buf one = {0};
  append_diagnostic_json(&one, d, 0);
  pthread_mutex_lock(&c->lock);
  if (c->count++) buf_append(&c->diags, ",", 1);
  atomic_fetch_add_explicit(&pending_total, 1, memory_order_relaxed);
  buf_append(&c->diags, one.data, one.len);
  pthread_mutex_unlock(&c->lock);
  buf_free(&one);
}

/* With JS handlers attached, a diagnostic is offered to them at once when
 * JS may run here (the dispatcher answers 0 when one handled it); otherwise
 * it is recorded, and the JS side offers it when it drains the list. One
 * offered and not handled is recorded marked "offered", not offered twice. */
static MlirLogicalResult on_diagnostic(MlirDiagnostic d, void *user) {
  FfiContext *c = user;
  if (c->js_handlers != 0 && !in_js_handler) {
    Buf one = {0};
    append_diagnostic_json(&one, d, 0);
    in_js_handler = 1;
    int32_t r = ffi_dispatch_quiet(CALLBACK_DIAGNOSTIC, c->js_handlers, ph(&one), (double)one.len);
    in_js_handler = 0;
    if (r == 0) {
      buf_free(&one);
      return mlirLogicalResultSuccess();
    }
    if (r != -2 && one.len > 0) { /* offered: mark it */
      one.len--; /* the closing brace */
      buf_append_cstr(&one, ",\"offered\":true}");
    }
    record_json(c, &one);
    return mlirLogicalResultSuccess();
  }
  diag_record(c, d);
  /* Success tells MLIR the diagnostic is handled, so it is not also printed
   * to stderr. */
  return mlirLogicalResultSuccess();
}

/* A context record over a new context with the dialects of `registry`
 * registered (each loaded on first use) and all passes registered. The
 * registry stays the caller's: MLIR copies what it registers. */
FfiContext *ffi_context_create(MlirDialectRegistry registry, bool allow_unregistered, bool threading) {
  pthread_once(&passes_once, register_passes);
  FfiContext *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  pthread_mutex_init(&c->lock, NULL);
  c->ctx = mlirContextCreateWithRegistry(registry, threading);
  mlirContextSetAllowUnregisteredDialects(c->ctx, allow_unregistered);
  mlirContextAttachDiagnosticHandler(c->ctx, on_diagnostic, c, NULL);
  return c;
}

void ffi_ctx_set_pool(FfiContext *c, ThreadPoolRec *pool) {
  thread_pool_release(c->pool);
  c->pool = pool;
}

/* Creates a context with all upstream dialects registered (loaded lazily on
 * first use) and all passes registered. Returns the shim's context record. */
MLIRFFI_EXPORT H mlirffi_context_create(bool allow_unregistered, bool threading) {
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  FfiContext *c = ffi_context_create(registry, allow_unregistered, threading);
  mlirDialectRegistryDestroy(registry);
  return ph(c);
}

/* Gives the context the JS side's id for its diagnostic handlers (0: none). */
MLIRFFI_EXPORT void mlirffi_context_set_js_handlers(H c, int32_t id) { ((FfiContext *)hp(c))->js_handlers = id; }

/* Copies a diagnostic offered to JS (a Buf the dispatcher was given) into `dst`. */
MLIRFFI_EXPORT double mlirffi_offered_copy(H buf, uint8_t *dst, uint32_t cap) {
  Buf *b = hp(buf);
  size_t n = b->len < cap ? b->len : cap;
  memcpy(dst, b->data, n);
  return (double)b->len;
}

/* The MlirContext behind a context record. */
MLIRFFI_EXPORT H mlirffi_context_raw(H c) { return ph(((FfiContext *)hp(c))->ctx.ptr); }

MLIRFFI_EXPORT void mlirffi_context_set_allow_unregistered(H c, bool allow) {
  mlirContextSetAllowUnregisteredDialects(((FfiContext *)hp(c))->ctx, allow);
}

MLIRFFI_EXPORT bool mlirffi_context_get_allow_unregistered(H c) {
  return mlirContextGetAllowUnregisteredDialects(((FfiContext *)hp(c))->ctx);
}

MLIRFFI_EXPORT void mlirffi_context_enable_multithreading(H c, bool enable) {
  mlirContextEnableMultithreading(((FfiContext *)hp(c))->ctx, enable);
}

/* Destroys the context. Every module, detached operation and pass manager
 * made from it must already be destroyed (the JS side guarantees this). */
MLIRFFI_EXPORT void mlirffi_context_destroy(H handle) {
  FfiContext *c = hp(handle);
  mlirContextDestroy(c->ctx);
  thread_pool_release(c->pool); /* after: the context may use it until it is gone */
  atomic_fetch_sub_explicit(&pending_total, c->count, memory_order_relaxed);
  pthread_mutex_destroy(&c->lock);
  buf_free(&c->diags);
  names_free(&c->names);
  affine_cache_free(&c->affine);
  free(c);
}

/* Number of diagnostics recorded since the last take/clear. */
MLIRFFI_EXPORT int32_t mlirffi_diag_count(H handle) {
  FfiContext *c = hp(handle);
  pthread_mutex_lock(&c->lock);
  int n = c->count;
  pthread_mutex_unlock(&c->lock);
  return n;
}

/* Moves the recorded diagnostics, as a JSON array, into the text result. */
MLIRFFI_EXPORT double mlirffi_diag_take(H handle, uint8_t *dst, uint32_t cap) {
  FfiContext *c = hp(handle);
  Buf *out = out_begin();
  pthread_mutex_lock(&c->lock);
  buf_append(out, "[", 1);
  buf_append(out, c->diags.data, c->diags.len);
  buf_append(out, "]", 1);
  c->diags.len = 0;
  atomic_fetch_sub_explicit(&pending_total, c->count, memory_order_relaxed);
  c->count = 0;
  pthread_mutex_unlock(&c->lock);
  return out_deliver(dst, cap);
}

/* Emits an error diagnostic at `loc` (used by tests and by user code that
 * reports its own errors through MLIR's engine). */
MLIRFFI_EXPORT void mlirffi_emit_error(H loc, const uint8_t *msg, uint32_t len) {
  char *z = malloc((size_t)len + 1);
  if (!z) return;
  for (uint32_t i = 0; i < len; i++) z[i] = msg[i] ? (char)msg[i] : ' ';
  z[len] = 0;
  mlirEmitError(AS_LOC(loc), z);
  free(z);
}
