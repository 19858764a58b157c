/**
 * The base layer: what every other layer uses and nothing of this project's
 * own: the error classes (every one mlir-ffi throws), the checks of plain
 * arguments (strings, integers, options objects), the pointer-keyed and
 * bounded maps, and the guard that keeps objects on their thread.
 *
 * May import: nothing of the project (only the runtime's own modules).
 *
 * @module
 */
export {
  ArgumentError,
  type ArgumentProblem,
  type Diagnostic,
  ExecutionEngineError,
  formatDiagnostic,
  HostFunctionError,
  InvalidHandleError,
  type InvalidReason,
  MlirError,
  MlirParseError,
  MlirVerificationError,
  NativeLibraryError,
  type NativeLibraryReason,
  PassFailureError,
  PassPipelineError,
  type Severity,
  StructuralError,
  TypeCasterError,
  UnresolvedSymbolError,
} from "./errors.ts";
export { ThreadBound } from "./thread_bound.ts";
