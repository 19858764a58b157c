/* Locations: constructors, kind and accessors. */
#include <stdlib.h>

#include "shim.h"

enum { LOC_OTHER = 0, LOC_UNKNOWN, LOC_FILE, LOC_NAME, LOC_CALL_SITE, LOC_FUSED };

MLIRFFI_EXPORT int32_t mlirffi_loc_kind(H loc) {
  MlirLocation l = AS_LOC(loc);
  if (mlirLocationIsAFileLineColRange(l)) return LOC_FILE;
  if (mlirLocationIsAName(l)) return LOC_NAME;
  if (mlirLocationIsACallSite(l)) return LOC_CALL_SITE;
  if (mlirLocationIsAFused(l)) return LOC_FUSED;
  if (mlirLocationEqual(l, mlirLocationUnknownGet(mlirLocationGetContext(l)))) return LOC_UNKNOWN;
  return LOC_OTHER;
}

MLIRFFI_EXPORT H mlirffi_loc_file_range(H ctx, const uint8_t *file, uint32_t len, uint32_t l1, uint32_t c1, uint32_t l2,
                                        uint32_t c2) {
  return ph(mlirLocationFileLineColRangeGet(ffi_ctx_raw(hp(ctx)), str_ref(file, len), l1, c1, l2, c2)
                .ptr);
}
/* out: startLine, startColumn, endLine, endColumn. */
MLIRFFI_EXPORT void mlirffi_loc_file_position(H loc, double *out) {
  MlirLocation l = AS_LOC(loc);
  /* Stored unsigned; the C API returns them as int. */
  out[0] = (unsigned)mlirLocationFileLineColRangeGetStartLine(l);
  out[1] = (unsigned)mlirLocationFileLineColRangeGetStartColumn(l);
  out[2] = (unsigned)mlirLocationFileLineColRangeGetEndLine(l);
  out[3] = (unsigned)mlirLocationFileLineColRangeGetEndColumn(l);
}
MLIRFFI_EXPORT H mlirffi_loc_file_name(H loc) { return ph(mlirLocationFileLineColRangeGetFilename(AS_LOC(loc)).ptr); }

MLIRFFI_EXPORT H mlirffi_loc_name(H ctx, const uint8_t *name, uint32_t len, H child) {
  return ph(mlirLocationNameGet(ffi_ctx_raw(hp(ctx)), str_ref(name, len), AS_LOC(child)).ptr);
}
MLIRFFI_EXPORT H mlirffi_loc_name_name(H loc) { return ph(mlirLocationNameGetName(AS_LOC(loc)).ptr); }
MLIRFFI_EXPORT H mlirffi_loc_name_child(H loc) { return ph(mlirLocationNameGetChildLoc(AS_LOC(loc)).ptr); }

MLIRFFI_EXPORT H mlirffi_loc_call_site(H callee, H caller) {
  return ph(mlirLocationCallSiteGet(AS_LOC(callee), AS_LOC(caller)).ptr);
}
MLIRFFI_EXPORT H mlirffi_loc_call_site_callee(H loc) { return ph(mlirLocationCallSiteGetCallee(AS_LOC(loc)).ptr); }
MLIRFFI_EXPORT H mlirffi_loc_call_site_caller(H loc) { return ph(mlirLocationCallSiteGetCaller(AS_LOC(loc)).ptr); }

MLIRFFI_EXPORT H mlirffi_loc_fused(H ctx, const double *locs, int32_t n, H metadata) {
  MlirLocation *ls = malloc(sizeof *ls * (n > 0 ? (size_t)n : 1));
  if (!ls) abort();
  for (int32_t i = 0; i < n; i++) ls[i] = AS_LOC(locs[i]);
  MlirLocation l = mlirLocationFusedGet(ffi_ctx_raw(hp(ctx)), n, ls, AS_ATTR(metadata));
  free(ls);
  return ph(l.ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_loc_fused_size(H loc) { return (int32_t)mlirLocationFusedGetNumLocations(AS_LOC(loc)); }
MLIRFFI_EXPORT void mlirffi_loc_fused_locations(H loc, double *out) {
  MlirLocation l = AS_LOC(loc);
  unsigned n = mlirLocationFusedGetNumLocations(l);
  MlirLocation *ls = malloc(sizeof *ls * (n ? n : 1));
  if (!ls) abort();
  mlirLocationFusedGetLocations(l, ls);
  for (unsigned i = 0; i < n; i++) out[i] = ph(ls[i].ptr);
  free(ls);
}
MLIRFFI_EXPORT H mlirffi_loc_fused_metadata(H loc) { return ph(mlirLocationFusedGetMetadata(AS_LOC(loc)).ptr); }
MLIRFFI_EXPORT bool mlirffi_loc_equal(H a, H b) { return mlirLocationEqual(AS_LOC(a), AS_LOC(b)); }
