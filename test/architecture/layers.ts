/**
 * The layering of `src/` and `strategies/`, as data for the import-graph
 * checker (`import_graph.ts`, run by `imports_test.ts`).
 *
 * Bottom to top:
 *
 * | level | layer        | holds                                                                   |
 * | ----- | ------------ | ----------------------------------------------------------------------- |
 * | 0     | `base`       | errors, argument checks, small data structures                          |
 * | 1     | `ffi`        | the native library: loading, symbols, text and batch buffers            |
 * | 2     | `safety`     | the ledger, native lifetimes, the tracked-handle base                   |
 * | 3     | `strategies` | the pluggable handle strategies                                         |
 * | 4     | `ir`         | IR classes, types, attributes, context state, ownership events          |
 * | 5     | `passes`, `jit`, `text` | independent siblings over the IR                             |
 * | 6     | `context`    | `Context`, which owns everything above                                  |
 * | 7     | `entry`      | `src/mod.ts`, the public surface                                        |
 * | 7     | `dialects`   | the generated dialect builders (`mlir-ffi/dialects`), their support code and generator |
 *
 * Why layers: each one can be read, tested and replaced knowing only the
 * ones below it, and a runtime import that points up is the usual start of a
 * module cycle (which breaks initialisation order under ESM: a class used
 * before its module finished evaluating).
 *
 * The rules, enforced by `layerViolations`:
 * - A runtime import points to the same layer or one at a lower level. Two
 *   layers of one level are siblings, and siblings do not import each other
 *   at all: `passes`, `jit` and `text` stay independent.
 * - A type-only import may also point up, but only where a layer lists the
 *   target in `typeImportsUp`: the IR classes and the three siblings over it
 *   name `Context` in their signatures, and types vanish at run time.
 * - The infrastructure layers (`base`, `ffi`, `safety`, `strategies`) list
 *   nothing there: they import nothing from above, not even types, so they
 *   can be understood (and reused) without the IR.
 * - Runtime cycles inside one layer are still forbidden; the cycle check in
 *   `runtimeCycles` covers those.
 * - A scanned file that matches no prefix is an "unplaced file" and fails the
 *   check, so a new folder must be added here before it can hold code.
 *
 * A file belongs to the layer with the longest matching prefix. A prefix that
 * ends in `/` matches everything below that folder; any other prefix names
 * exactly one file (`src/context.ts`, `src/mod.ts`).
 *
 * @module
 */

/** One layer of the rule table. */
export interface Layer {
  /** The name used in reports. */
  readonly name: string;
  /** Height in the stack; equal levels are siblings that may not import each other. */
  readonly level: number;
  /** Repo-relative, `/`-separated folder prefixes (ending in `/`) or exact file paths. */
  readonly prefixes: readonly string[];
  /** Higher layers this one may name in type-only imports. */
  readonly typeImportsUp?: readonly string[];
}

/** The folders the checker scans, relative to the repository root. */
export const SCANNED_ROOTS: readonly string[] = ["src", "strategies"];

/** The layers of this repository, bottom to top. */
export const LAYERS: readonly Layer[] = [
  { name: "base", level: 0, prefixes: ["src/base/"] },
  { name: "ffi", level: 1, prefixes: ["src/ffi/"] },
  { name: "safety", level: 2, prefixes: ["src/safety/"] },
  { name: "strategies", level: 3, prefixes: ["strategies/"] },
  { name: "ir", level: 4, prefixes: ["src/ir/"], typeImportsUp: ["context"] },
  { name: "passes", level: 5, prefixes: ["src/passes/"], typeImportsUp: ["context"] },
  { name: "jit", level: 5, prefixes: ["src/jit/"], typeImportsUp: ["context"] },
  { name: "text", level: 5, prefixes: ["src/text/"], typeImportsUp: ["context"] },
  { name: "context", level: 6, prefixes: ["src/context.ts", "src/context/"] },
  { name: "entry", level: 7, prefixes: ["src/mod.ts"] },
  // A second entry point beside src/mod.ts: the two never import each other,
  // so loading the core never loads a dialect.
  { name: "dialects", level: 7, prefixes: ["src/dialects/"] },
];
