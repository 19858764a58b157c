/**
 * Reading IR: parsing source text and bytecode into modules, operations,
 * types and attributes, with the checks that keep MLIR's parser from
 * crashing on hostile input (untrusted bytecode is read in a child process).
 *
 * May import: everything below it (`src/base/` through `src/ir/`); and, for
 * types only, `src/context.ts`.
 *
 * @module
 */
export { DEFAULT_MAX_NESTING_DEPTH, type ParseOptions } from "./parse.ts";
