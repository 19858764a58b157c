/**
 * The safety core: what makes a stale handle throw instead of crash. The
 * ledger (owners, epochs and their records of erasures, moves and pass runs),
 * the native lifetimes (who frees each object no MLIR parent owns, and
 * when), and the handle base class every IR handle extends.
 *
 * May import: `src/base/`, `src/ffi/`.
 *
 * @module
 */
export { Handle } from "./handle.ts";
