/**
 * The import graph of the library's sources, and the two checks CI runs on
 * it: no runtime import cycles, and every import points down the layers of
 * `layers.ts`.
 *
 * Why a checker of our own: module cycles break ESM evaluation order (a class
 * is used before its module finished evaluating, which shows up as a
 * `ReferenceError` far from the cause), and the layering is what keeps the
 * FFI and safety code independent of the IR. Both decay one innocent import
 * at a time, so they are checked on every run rather than by review. The
 * module has no dependencies (only `node:fs` and `node:path`) so it runs the
 * same under Deno and Bun, before anything is installed.
 *
 * The parser is a small tokenizer, not a TypeScript parser: it drops comments
 * and the contents of strings, templates and regular expressions (so an
 * `import` written inside them does not count), then reads the token shapes
 * of `import`/`export ... from` statements and `import("literal")` calls.
 *
 * As a CLI it prints a summary and exits 1 on any finding:
 *
 * ```sh
 * deno run -R test/architecture/import_graph.ts
 * bun test/architecture/import_graph.ts
 * ```
 *
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Layer, LAYERS, SCANNED_ROOTS } from "./layers.ts";

/** `type`: erased at compile time, cannot create a load-order dependency. `runtime`: anything else. */
export type EdgeKind = "runtime" | "type";

/** One import or re-export as written in a file, before resolution. */
export interface ImportRef {
  readonly specifier: string;
  readonly kind: EdgeKind;
}

/** A resolved import between two repo-relative, `/`-separated paths. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/** The scanned files and the relative imports between them. */
export interface Graph {
  /** Every scanned source file, sorted. */
  readonly files: readonly string[];
  /** One edge per (from, to), sorted; `runtime` when any import of the pair is. */
  readonly edges: readonly Edge[];
}

/** A strongly connected component of the runtime graph, with one concrete cycle through it. */
export interface Cycle {
  /** Every file of the component, sorted. */
  readonly members: readonly string[];
  /** A shortest cycle from the first member back to itself: `[a, b, c, a]`. */
  readonly path: readonly string[];
}

/** An edge that breaks the layer rules. */
export interface Violation {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly fromLayer: string;
  readonly toLayer: string;
}

// ---------------------------------------------------------------------------
// Files

/**
 * Every `.ts` source under `dirs` (relative to `root`), repo-relative with `/`
 * separators and sorted, so reports do not depend on the platform or on the
 * order the file system lists entries. Tests (`*_test.ts`) and declaration
 * files (`*.d.ts`) are not library code and are skipped; a missing root is
 * simply empty, since folders come and go as the tree is reorganised.
 */
export function listSources(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const dir of dirs) walk(root, toPosix(path.normalize(dir)), out);
  return out.sort();
}

function walk(root: string, dir: string, out: string[]): void {
  for (const entry of readDir(path.join(root, dir))) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(root, rel, out);
    else if (entry.isFile() && isSource(entry.name)) out.push(rel);
  }
}

function readDir(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (isMissing(e)) return [];
    throw e;
  }
}

function isSource(name: string): boolean {
  return name.endsWith(".ts") && !name.endsWith("_test.ts") && !name.endsWith(".d.ts");
}

function isMissing(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

// ---------------------------------------------------------------------------
// Tokens

type TokenKind = "name" | "number" | "string" | "template" | "regex" | "punct";

/**
 * `text` is the decoded value of a string or a no-substitution template, and
 * the source text of anything else; a template with substitutions leaves a
 * `template` token with text "${" where each substitution opens and "`" where
 * the template ends.
 */
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/**
 * Splits TypeScript source into the tokens the import parser needs. Comments
 * vanish; strings, templates and regular expressions become single tokens,
 * so nothing inside them is mistaken for code. Code inside `${...}` of a
 * template is tokenized as code, since an `import()` there is real.
 */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  // For each open `${`, the brace depth at which its closing `}` ends it.
  const substitutions: number[] = [];
  let depth = 0;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) i++;
    else if (src.startsWith("//", i)) i = lineEnd(src, i);
    else if (src.startsWith("/*", i)) i = commentEnd(src, i);
    else if (c === '"' || c === "'") i = readString(src, i, tokens);
    else if (c === "`" || (c === "}" && substitutions.at(-1) === depth)) {
      if (c === "}") substitutions.pop();
      i = readTemplate(src, i, c === "`", tokens, () => substitutions.push(depth));
    } else if (c === "/" && regexAllowed(tokens.at(-1))) i = readRegex(src, i, tokens);
    else if (/[\p{ID_Start}$_]/u.test(c)) i = readWord(src, i, "name", /[\p{ID_Continue}$\u200c\u200d]/u, tokens);
    else if (/[0-9]/.test(c)) i = readWord(src, i, "number", /[\w.]/, tokens);
    else {
      if (c === "{") depth++;
      if (c === "}") depth--;
      tokens.push({ kind: "punct", text: c });
      i++;
    }
  }
  return tokens;
}

function lineEnd(src: string, i: number): number {
  const end = src.indexOf("\n", i);
  return end < 0 ? src.length : end;
}

function commentEnd(src: string, i: number): number {
  const end = src.indexOf("*/", i + 2);
  return end < 0 ? src.length : end + 2;
}

function readString(src: string, start: number, tokens: Token[]): number {
  const quote = src[start];
  let text = "";
  let i = start + 1;
  while (i < src.length && src[i] !== quote && src[i] !== "\n") {
    if (src[i] === "\\") i++;
    text += src[i] ?? "";
    i++;
  }
  tokens.push({ kind: "string", text });
  return i + 1;
}

/**
 * Reads one stretch of a template, from its opening backtick or from the `}`
 * closing a substitution, up to the closing backtick or the next `${`. A
 * template without substitutions is a plain literal (it can name a module in
 * `import(\`./x.ts\`)`); any other template is opaque.
 */
function readTemplate(
  src: string,
  start: number,
  opening: boolean,
  tokens: Token[],
  onSubstitution: () => void,
): number {
  let text = "";
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\") {
      text += src[i + 1] ?? "";
      i += 2;
    } else if (c === "`") {
      tokens.push(opening ? { kind: "string", text } : { kind: "template", text: "`" });
      return i + 1;
    } else if (c === "$" && src[i + 1] === "{") {
      tokens.push({ kind: "template", text: "${" });
      onSubstitution();
      return i + 2;
    } else {
      text += c;
      i++;
    }
  }
  return i;
}

/** After a value (name, number, literal, `)`, `]`, `}`) a `/` divides; elsewhere it opens a regex. */
function regexAllowed(last: Token | undefined): boolean {
  if (last === undefined) return true;
  if (last.kind === "name") return REGEX_AFTER.has(last.text);
  if (last.kind === "punct") return !")]}".includes(last.text);
  return last.kind === "template" && last.text === "${"; // the start of a substitution is the start of an expression
}

function readRegex(src: string, start: number, tokens: Token[]): number {
  let inClass = false;
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === "\n") break;
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) {
      tokens.push({ kind: "regex", text: src.slice(start, i + 1) });
      return readFlags(src, i + 1);
    }
  }
  // No closing slash on this line: it was a division after all.
  tokens.push({ kind: "punct", text: "/" });
  return start + 1;
}

function readFlags(src: string, i: number): number {
  while (i < src.length && /[a-z]/.test(src[i]!)) i++;
  return i;
}

function readWord(src: string, start: number, kind: TokenKind, part: RegExp, tokens: Token[]): number {
  let i = start + 1;
  while (i < src.length && part.test(src[i]!)) i++;
  tokens.push({ kind, text: src.slice(start, i) });
  return i;
}

// ---------------------------------------------------------------------------
// Imports

function isName(t: Token | undefined, text?: string): boolean {
  return t?.kind === "name" && (text === undefined || t.text === text);
}

function isPunct(t: Token | undefined, text: string): boolean {
  return t?.kind === "punct" && t.text === text;
}

/**
 * The imports and re-exports of one file, in source order: static
 * `import ... from "x"`, `import "x"`, `export ... from "x"`,
 * `export * from "x"`, and `import("x")` with a literal specifier (a computed
 * specifier cannot be resolved statically and is left out).
 *
 * An import is `type` when TypeScript erases it: `import type ...`,
 * `export type ... from`, or a brace list whose every specifier is marked
 * `type`. `import()` is `type` in a type position (`typeof import("x")`,
 * `import("x").Name`), which is the only way such a call is not awaited or
 * `.then`-ed.
 */
export function parseImports(source: string): ImportRef[] {
  const tokens = tokenize(source);
  const refs: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // `x.import` / `x.export` are property names, not keywords.
    if (isPunct(tokens[i - 1], ".")) continue;
    const ref = isName(tokens[i], "import")
      ? parseImport(tokens, i)
      : isName(tokens[i], "export")
      ? parseExport(tokens, i)
      : undefined;
    if (ref !== undefined) refs.push(ref);
  }
  return refs;
}

function parseImport(t: readonly Token[], i: number): ImportRef | undefined {
  const next = t[i + 1];
  if (isPunct(next, "(")) return parseDynamicImport(t, i);
  if (next?.kind === "string") return { specifier: next.text, kind: "runtime" };
  let j = i + 1;
  // `import type X from`, but not a default import named `type` (`import type from "x"`).
  const typeOnly = isName(t[j], "type") && !(isName(t[j + 1], "from") && t[j + 2]?.kind === "string") &&
    (isName(t[j + 1]) || isPunct(t[j + 1], "{") || isPunct(t[j + 1], "*"));
  if (typeOnly) j++;
  let bindsValue = false; // a default or namespace binding: never erased
  let named: Token[][] | undefined;
  for (; j < t.length; j++) {
    const tok = t[j]!;
    if (isName(tok, "from") && t[j + 1]?.kind === "string") {
      return { specifier: t[j + 1]!.text, kind: typeOnly || (!bindsValue && allTyped(named)) ? "type" : "runtime" };
    }
    if (isPunct(tok, "{")) {
      const list = readSpecifiers(t, j);
      named = list.specifiers;
      j = list.end;
    } else if (isName(tok) || isPunct(tok, "*")) bindsValue = true;
    // `import x = require(...)`, `import.meta`, or anything else that is not an ES import.
    else if (!isPunct(tok, ",")) return undefined;
  }
  return undefined;
}

function parseDynamicImport(t: readonly Token[], i: number): ImportRef | undefined {
  const arg = t[i + 2];
  if (arg?.kind !== "string" || !(isPunct(t[i + 3], ")") || isPunct(t[i + 3], ","))) return undefined;
  const close = closingParen(t, i + 1);
  const member = isPunct(t[close + 1], ".") ? t[close + 2] : undefined;
  const typePosition = isName(t[i - 1], "typeof") ||
    (isName(member) && !["then", "catch", "finally"].includes(member!.text));
  return { specifier: arg.text, kind: typePosition ? "type" : "runtime" };
}

function closingParen(t: readonly Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < t.length; j++) {
    if (isPunct(t[j], "(")) depth++;
    else if (isPunct(t[j], ")") && --depth === 0) return j;
  }
  return t.length;
}

function parseExport(t: readonly Token[], i: number): ImportRef | undefined {
  let j = i + 1;
  // `export type { X } from` / `export type * from`; `export type X = ...` declares, it does not re-export.
  const typeOnly = isName(t[j], "type") && (isPunct(t[j + 1], "{") || isPunct(t[j + 1], "*"));
  if (typeOnly) j++;
  let named: Token[][] | undefined;
  if (isPunct(t[j], "*")) {
    j++;
    if (isName(t[j], "as")) j += 2;
  } else if (isPunct(t[j], "{")) {
    const list = readSpecifiers(t, j);
    named = list.specifiers;
    j = list.end + 1;
  } else return undefined;
  if (!isName(t[j], "from") || t[j + 1]?.kind !== "string") return undefined; // a local `export { x }`
  return { specifier: t[j + 1]!.text, kind: typeOnly || allTyped(named) ? "type" : "runtime" };
}

/** The comma-separated specifiers of a `{ ... }` list starting at `open`, and the index of its `}`. */
function readSpecifiers(t: readonly Token[], open: number): { specifiers: Token[][]; end: number } {
  const specifiers: Token[][] = [[]];
  let j = open + 1;
  for (; j < t.length && !isPunct(t[j], "}"); j++) {
    if (isPunct(t[j], ",")) specifiers.push([]);
    else specifiers.at(-1)!.push(t[j]!);
  }
  return { specifiers: specifiers.filter((s) => s.length > 0), end: j };
}

/**
 * Whether a brace list is erased: it names something, and every name carries
 * `type`. An empty list (`import {} from "x"`) still loads the module.
 */
function allTyped(named: Token[][] | undefined): boolean {
  return named !== undefined && named.length > 0 && named.every(isTypedSpecifier);
}

/**
 * TypeScript's reading of a specifier that starts with `type`: `type` alone
 * and `type as x` import a value named `type`; `type X`, `type as` (the name
 * `as`), `type X as Y` and `type as as x` are type-only.
 */
function isTypedSpecifier(s: Token[]): boolean {
  if (!isName(s[0], "type") || s.length === 1) return false;
  return !(s.length === 3 && isName(s[1], "as"));
}

/**
 * The repo-relative path a specifier names from the file `from`, or
 * `undefined` for anything but a relative path: packages (`@std/assert`),
 * built-ins (`node:fs`, `bun:ffi`) and `npm:`/`jsr:` specifiers are outside
 * the graph by design.
 */
export function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
}

// ---------------------------------------------------------------------------
// Graph

/**
 * Reads and parses every source under `dirs` of `root` (see
 * {@linkcode listSources}). A file that disappears between listing and
 * reading is skipped: others may be moving files while CI runs.
 */
export function buildGraph(root: string, dirs: readonly string[]): Graph {
  const sources = new Map<string, string>();
  for (const file of listSources(root, dirs)) {
    const text = readSource(path.join(root, file));
    if (text !== undefined) sources.set(file, text);
  }
  return graphFromSources(sources);
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

/**
 * The graph of already-read sources (repo-relative path to text). Several
 * imports of one target collapse into one edge, `runtime` if any of them is,
 * because that is the one that orders module evaluation.
 */
export function graphFromSources(sources: ReadonlyMap<string, string>): Graph {
  const kinds = new Map<string, Map<string, EdgeKind>>();
  for (const [from, text] of sources) {
    const targets = new Map<string, EdgeKind>();
    for (const ref of parseImports(text)) {
      const to = resolveSpecifier(from, ref.specifier);
      if (to !== undefined && targets.get(to) !== "runtime") targets.set(to, ref.kind);
    }
    kinds.set(from, targets);
  }
  const edges: Edge[] = [];
  for (const [from, targets] of kinds) for (const [to, kind] of targets) edges.push({ from, to, kind });
  edges.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
  return { files: [...sources.keys()].sort(), edges };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Edges whose target is not a scanned file: dangling imports, or imports leaving the scanned roots. */
export function externalEdges(graph: Graph): Edge[] {
  const files = new Set(graph.files);
  return graph.edges.filter((e) => !files.has(e.to));
}

// ---------------------------------------------------------------------------
// Cycles

/** Sorted successor lists, so every traversal (and so every report) is deterministic. */
function runtimeSuccessors(graph: Graph): Map<string, string[]> {
  const succ = new Map<string, string[]>();
  for (const file of graph.files) succ.set(file, []);
  for (const e of graph.edges) {
    if (!succ.has(e.to)) succ.set(e.to, []);
    if (e.kind === "runtime") succ.get(e.from)!.push(e.to);
  }
  for (const list of succ.values()) list.sort();
  return succ;
}

/**
 * Every runtime import cycle: each strongly connected component of more
 * than one file, and each file that imports itself, with a shortest concrete
 * cycle through the component's first file so the report says which imports
 * to cut. Type-only edges are left out: they are erased and cannot affect
 * evaluation order.
 */
export function runtimeCycles(graph: Graph): Cycle[] {
  const succ = runtimeSuccessors(graph);
  const cycles: Cycle[] = [];
  for (const component of stronglyConnected(succ)) {
    const members = [...component].sort();
    const first = members[0]!;
    if (members.length === 1 && !succ.get(first)!.includes(first)) continue;
    cycles.push({ members, path: shortestCycle(first, new Set(members), succ) });
  }
  return cycles.sort((a, b) => compare(a.members[0]!, b.members[0]!));
}

/** Tarjan's algorithm: the strongly connected components of `succ`, in one pass. */
function stronglyConnected(succ: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of succ.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    components.push(component);
  };
  for (const v of succ.keys()) if (!index.has(v)) visit(v);
  return components;
}

/** Breadth-first search inside one component, from `start` back to itself. */
function shortestCycle(
  start: string,
  within: ReadonlySet<string>,
  succ: ReadonlyMap<string, readonly string[]>,
): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of succ.get(node) ?? []) {
      if (next === start) return [...pathTo(node, parent), start];
      if (within.has(next) && next !== start && !parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  throw new Error(`no cycle through ${start}`); // unreachable for a real component
}

function pathTo(node: string, parent: ReadonlyMap<string, string>): string[] {
  const path = [node];
  for (let p = parent.get(node); p !== undefined; p = parent.get(p)) path.unshift(p);
  return path;
}

// ---------------------------------------------------------------------------
// Layers

/** The layer of a repo-relative path: the longest matching prefix wins, so a sub-folder can be its own layer. */
export function layerOf(file: string, layers: readonly Layer[] = LAYERS): Layer | undefined {
  let best: Layer | undefined;
  let bestLength = -1;
  for (const layer of layers) {
    for (const prefix of layer.prefixes) {
      const matches = prefix.endsWith("/") ? file.startsWith(prefix) : file === prefix;
      if (matches && prefix.length > bestLength) [best, bestLength] = [layer, prefix.length];
    }
  }
  return best;
}

/**
 * Every edge that breaks the layer rules (see `layers.ts`): a runtime import
 * must stay in its layer or go to a lower level; a type-only import may also
 * go up to the layers its source lists in `typeImportsUp`. Edges with an end
 * outside every layer are not judged here: an unplaced scanned file is
 * reported by {@linkcode unplacedFiles} instead.
 */
export function layerViolations(graph: Graph, layers: readonly Layer[] = LAYERS): Violation[] {
  const violations: Violation[] = [];
  for (const { from, to, kind } of graph.edges) {
    const fromLayer = layerOf(from, layers);
    const toLayer = layerOf(to, layers);
    if (fromLayer === undefined || toLayer === undefined || allowed(kind, fromLayer, toLayer)) continue;
    violations.push({ from, to, kind, fromLayer: fromLayer.name, toLayer: toLayer.name });
  }
  return violations;
}

function allowed(kind: EdgeKind, from: Layer, to: Layer): boolean {
  if (from.name === to.name || to.level < from.level) return true;
  return kind === "type" && (from.typeImportsUp ?? []).includes(to.name);
}

/** Scanned files in no layer: a new folder must be placed in the table before it can hold code. */
export function unplacedFiles(graph: Graph, layers: readonly Layer[] = LAYERS): string[] {
  return graph.files.filter((file) => layerOf(file, layers) === undefined);
}

// ---------------------------------------------------------------------------
// Reporting

/** `a → b → a`, the way a cycle is shown in reports and assertion messages. */
export function describeCycle(cycle: Cycle): string {
  const rest = cycle.members.length - (cycle.path.length - 1);
  return cycle.path.join(" → ") + (rest > 0 ? `  (component of ${cycle.members.length} files)` : "");
}

/** `from → to (kind, fromLayer → toLayer)`. */
export function describeViolation(v: Violation): string {
  return `${v.from} → ${v.to} (${v.kind}, ${v.fromLayer} → ${v.toLayer})`;
}

/** Everything the checks find on one tree. */
export interface Report {
  readonly graph: Graph;
  readonly cycles: readonly Cycle[];
  readonly violations: readonly Violation[];
  readonly unplaced: readonly string[];
}

/** Runs both checks on the tree at `root`. */
export function check(
  root: string,
  dirs: readonly string[] = SCANNED_ROOTS,
  layers: readonly Layer[] = LAYERS,
): Report {
  const graph = buildGraph(root, dirs);
  return {
    graph,
    cycles: runtimeCycles(graph),
    violations: layerViolations(graph, layers),
    unplaced: unplacedFiles(graph, layers),
  };
}

/** Whether the report has anything that fails CI. */
export function failed(report: Report): boolean {
  return report.cycles.length + report.violations.length + report.unplaced.length > 0;
}

/** The CLI's summary, one line per finding. */
export function formatReport(report: Report, dirs: readonly string[] = SCANNED_ROOTS): string {
  const { graph, cycles, violations, unplaced } = report;
  const runtime = graph.edges.filter((e) => e.kind === "runtime").length;
  const lines = [
    `import graph of ${dirs.map((d) => `${d}/`).join(", ")}: ${graph.files.length} files, ` +
    `${graph.edges.length} edges (${runtime} runtime, ${graph.edges.length - runtime} type)`,
    `runtime cycles: ${cycles.length}`,
    ...cycles.map((c) => `  ${describeCycle(c)}`),
    `layer violations: ${violations.length}`,
    ...violations.map((v) => `  ${describeViolation(v)}`),
    `unplaced files: ${unplaced.length}`,
    ...unplaced.map((f) => `  ${f}`),
  ];
  const external = externalEdges(graph);
  if (external.length > 0) {
    lines.push(`imports of files outside the scan (not judged): ${external.length}`);
    lines.push(...external.map((e) => `  ${e.from} → ${e.to} (${e.kind})`));
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const report = check(path.resolve(import.meta.dirname ?? ".", "../.."));
  console.log(formatReport(report));
  if (failed(report)) process.exitCode = 1;
}
