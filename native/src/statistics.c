/* Pass statistics. MLIR prints the report to stderr at the end of every
 * run of the manager; mlirffi_pm_run captures it with the rest of what the
 * run prints, and the JS side splits it off. */
#include "shim.h"

/* `mode`: 0 a list (statistics of one pass summed), 1 by pipeline position. */
MLIRFFI_EXPORT void mlirffi_pm_enable_statistics(H pm, int32_t mode) {
  mlirPassManagerEnableStatistics((MlirPassManager){hp(pm)},
                                  mode == 1 ? MLIR_PASS_DISPLAY_MODE_PIPELINE : MLIR_PASS_DISPLAY_MODE_LIST);
}
