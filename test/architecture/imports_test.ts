/**
 * The import-graph checker (`import_graph.ts`): first on the repository
 * itself, which must have no runtime import cycles and only imports that
 * point down the layers of `layers.ts`; then on small synthetic trees, so a
 * broken parser or graph function fails here rather than passing the
 * repository check by finding nothing.
 *
 * @module
 */
import { describe, it, test } from "node:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertEquals, assertStrictEquals } from "@std/assert";
import {
  buildGraph,
  check,
  describeCycle,
  describeViolation,
  type Edge,
  externalEdges,
  failed,
  formatReport,
  type Graph,
  layerOf,
  layerViolations,
  listSources,
  parseImports,
  resolveSpecifier,
  runtimeCycles,
  unplacedFiles,
} from "./import_graph.ts";
import { LAYERS } from "./layers.ts";

// ---------------------------------------------------------------------------
// The repository

const REPO = fileURLToPath(new URL("../..", import.meta.url));

test("the repository has no runtime import cycles", () => {
  const { cycles } = check(REPO);
  const message = `${cycles.length} runtime import cycle(s) in src/ and strategies/ (cut one import of each):\n` +
    cycles.map((c) => `  ${describeCycle(c)}`).join("\n");
  assertEquals(cycles.map((c) => c.path), [], message);
});

test("every import points down the layers", () => {
  const { violations, unplaced } = check(REPO);
  const message = [
    `${violations.length} import(s) against the layers of test/architecture/layers.ts:`,
    ...violations.map((v) => `  ${describeViolation(v)}`),
    `${unplaced.length} file(s) in no layer (move them, or add their folder to the table):`,
    ...unplaced.map((f) => `  ${f}`),
  ].join("\n");
  assertEquals({ violations, unplaced }, { violations: [], unplaced: [] }, message);
});

test("the package imports nothing from bench/, test/ or anywhere else in the repository", () => {
  // The package ships src/ and strategies/ only: an import of bench or test
  // code would either break the installed package or ship that code in it.
  const outside = externalEdges(buildGraph(REPO, ["src", "strategies"])).map((e) => `${e.from} -> ${e.to}`);
  assertEquals(outside, [], `imports leaving src/ and strategies/:\n  ${outside.join("\n  ")}`);
});

// ---------------------------------------------------------------------------
// Synthetic trees

/** Writes `files` (repo-relative path to text) under a fresh temp dir, runs `fn` on it, and removes it. */
function withTree<T>(files: Record<string, string>, fn: (root: string) => T): T {
  const root = mkdtempSync(path.join(tmpdir(), "import-graph-"));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The graph of a synthetic tree, scanned the way the repository is. */
function graphOf(files: Record<string, string>): Graph {
  return withTree(files, (root) => buildGraph(root, ["src", "strategies"]));
}

const runtime = (from: string, to: string): Edge => ({ from, to, kind: "runtime" });
const type = (from: string, to: string): Edge => ({ from, to, kind: "type" });

describe("parseImports", () => {
  it("classifies type-only and runtime imports the way TypeScript erases them", () => {
    const source = `
      import type X from "./a.ts";
      import type { A } from "./b.ts";
      import { type A2 } from "./c.ts";
      import { type A3, b } from "./d.ts";
      import d, { type A4 } from "./e.ts";
      import * as ns from "./f.ts";
      import "./g.ts";
      import type from "./h.ts";
      import { type } from "./i.ts";
      import { type as t } from "./j.ts";
      import { type X5 as Y5, type as } from "./k.ts";
      import {} from "./l.ts";
      import type * as types from "./m.ts";
      import {
        type M1, // a comment in the list
        type M2,
      } from "./n.ts";
    `;
    assertEquals(parseImports(source), [
      { specifier: "./a.ts", kind: "type" },
      { specifier: "./b.ts", kind: "type" },
      { specifier: "./c.ts", kind: "type" },
      { specifier: "./d.ts", kind: "runtime" },
      { specifier: "./e.ts", kind: "runtime" },
      { specifier: "./f.ts", kind: "runtime" },
      { specifier: "./g.ts", kind: "runtime" },
      { specifier: "./h.ts", kind: "runtime" },
      { specifier: "./i.ts", kind: "runtime" },
      { specifier: "./j.ts", kind: "runtime" },
      { specifier: "./k.ts", kind: "type" },
      { specifier: "./l.ts", kind: "runtime" },
      { specifier: "./m.ts", kind: "type" },
      { specifier: "./n.ts", kind: "type" },
    ]);
  });

  it("reads re-exports and ignores local exports", () => {
    const source = `
      export type { X } from "./a.ts";
      export { type X2 } from "./b.ts";
      export { X3, type Y3 } from "./c.ts";
      export * from "./d.ts";
      export * as ns from "./e.ts";
      export type * from "./f.ts";
      export {
        G1,
        G2 as G3,
      } from "./g.ts";
      const local = 1;
      export { local };
      export type Local = { from: "./no.ts" };
      export const from = "./no2.ts";
      export default function f() {}
    `;
    assertEquals(parseImports(source), [
      { specifier: "./a.ts", kind: "type" },
      { specifier: "./b.ts", kind: "type" },
      { specifier: "./c.ts", kind: "runtime" },
      { specifier: "./d.ts", kind: "runtime" },
      { specifier: "./e.ts", kind: "runtime" },
      { specifier: "./f.ts", kind: "type" },
      { specifier: "./g.ts", kind: "runtime" },
    ]);
  });

  it("does not count imports inside comments, strings, templates or regular expressions", () => {
    const source = `
      // import { a } from "./no1.ts";
      /* import "./no2.ts"; */
      /**
       * @example
       * import { x } from "./no3.ts";
       */
      const s = 'import { a } from "./no4.ts"';
      const t = \`import("./no5.ts") \${"x"} import "./no6.ts"\`;
      const r = /import "\\.\\/no7.ts" '/g;
      const q = "// not a comment"; import "./yes1.ts";
      const div = a / b; import "./yes2.ts"; const div2 = (c) / d / 'import "./no8.ts"';
      const u = \`\${await import("./yes3.ts")}\`;
      const nested = \`a \${\`b \${"import './no9.ts'"}\`} c\`; import "./yes4.ts";
      function f() { return /import "\\.\\/no10.ts" '/; }
      const v = \`\${/import "\\.\\/no11.ts" '/.source}\`; import "./yes5.ts";
    `;
    assertEquals(parseImports(source).map((r) => r.specifier), [
      "./yes1.ts",
      "./yes2.ts",
      "./yes3.ts",
      "./yes4.ts",
      "./yes5.ts",
    ]);
  });

  it("counts import() with a literal specifier and skips computed ones", () => {
    const source = `
      await import("./dyn.ts");
      const m = import(\`./tpl.ts\`);
      import("./opts.ts", { with: { type: "json" } });
      import("./then.ts").then((m) => m.x);
      type T = typeof import("./typed.ts");
      let v: import("./typed2.ts").Foo;
      import("./" + name);
      import(name);
      import(\`./\${name}.ts\`);
      const url = import.meta.url;
      x.import("./prop.ts");
      const o = { import: "./key.ts" };
    `;
    assertEquals(parseImports(source), [
      { specifier: "./dyn.ts", kind: "runtime" },
      { specifier: "./tpl.ts", kind: "runtime" },
      { specifier: "./opts.ts", kind: "runtime" },
      { specifier: "./then.ts", kind: "runtime" },
      { specifier: "./typed.ts", kind: "type" },
      { specifier: "./typed2.ts", kind: "type" },
    ]);
  });
});

describe("resolveSpecifier", () => {
  it("resolves relative paths and ignores packages and built-ins", () => {
    assertStrictEquals(resolveSpecifier("src/ir/op.ts", "./block.ts"), "src/ir/block.ts");
    assertStrictEquals(resolveSpecifier("src/ir/op.ts", "../ffi/load.ts"), "src/ffi/load.ts");
    assertStrictEquals(resolveSpecifier("strategies/weak.ts", "../src/./base/../base/list.ts"), "src/base/list.ts");
    for (const bare of ["node:fs", "bun:ffi", "npm:mitata@1", "@std/assert", "mitata", "/abs/x.ts"]) {
      assertStrictEquals(resolveSpecifier("src/mod.ts", bare), undefined, bare);
    }
  });
});

describe("buildGraph", () => {
  it("scans .ts sources under the roots, skipping tests, declarations and other folders", () => {
    const files = withTree({
      "src/a.ts": "",
      "src/deep/er/b.ts": "",
      "src/a_test.ts": "",
      "src/types.d.ts": "",
      "src/notes.md": "",
      "strategies/c.ts": "",
      "test/d.ts": "",
    }, (root) => listSources(root, ["src", "strategies", "missing"]));
    assertEquals(files, ["src/a.ts", "src/deep/er/b.ts", "strategies/c.ts"]);
  });

  it("makes one edge per pair, runtime when any import of it is, and none for bare specifiers", () => {
    const graph = graphOf({
      "src/ir/a.ts": `
        import type { T } from "./t.ts";
        import { type A, b } from "./b.ts";
        import { type C } from "../context.ts";
        export type { X } from "./x.ts";
        import type Y from "./y.ts";
        import { y } from "./y.ts";
        import { z } from "./z.ts";
        import type { Z } from "./z.ts";
        import fs from "node:fs";
        import { assert } from "@std/assert";
        import "bun:ffi";
        import m from "npm:mitata";
        // import { c } from "./c.ts";
        const s = "import './s.ts'";
        await import("../../strategies/weak.ts");
      `,
    });
    assertEquals(graph.files, ["src/ir/a.ts"]);
    assertEquals(graph.edges, [
      type("src/ir/a.ts", "src/context.ts"),
      runtime("src/ir/a.ts", "src/ir/b.ts"),
      type("src/ir/a.ts", "src/ir/t.ts"),
      type("src/ir/a.ts", "src/ir/x.ts"),
      runtime("src/ir/a.ts", "src/ir/y.ts"),
      runtime("src/ir/a.ts", "src/ir/z.ts"),
      runtime("src/ir/a.ts", "strategies/weak.ts"),
    ]);
  });
});

describe("runtimeCycles", () => {
  it("finds a three-file runtime cycle and names its path", () => {
    const graph = graphOf({
      "src/a.ts": `import { b } from "./b.ts";`,
      "src/b.ts": `import { c } from "./c.ts";`,
      "src/c.ts": `import { a } from "./a.ts";`,
      "src/d.ts": `import { a } from "./a.ts";`, // leads into the cycle, is not part of it
    });
    const cycles = runtimeCycles(graph);
    assertEquals(cycles, [{
      members: ["src/a.ts", "src/b.ts", "src/c.ts"],
      path: ["src/a.ts", "src/b.ts", "src/c.ts", "src/a.ts"],
    }]);
    assertStrictEquals(describeCycle(cycles[0]!), "src/a.ts → src/b.ts → src/c.ts → src/a.ts");
  });

  it("does not report a cycle closed by a type-only import", () => {
    const graph = graphOf({
      "src/a.ts": `import { b } from "./b.ts";`,
      "src/b.ts": `import { c } from "./c.ts";`,
      "src/c.ts": `import type { A } from "./a.ts"; export { type B } from "./b.ts";`,
    });
    assertEquals(runtimeCycles(graph), []);
  });

  it("reports a self-import, and a shortest path through a larger component", () => {
    const graph = graphOf({
      "src/self.ts": `import "./self.ts";`,
      // a → b → c → d → a, with the shortcut b → a: the shortest cycle through a is a → b → a.
      "src/x/a.ts": `import "./b.ts";`,
      "src/x/b.ts": `import "./c.ts"; import "./a.ts";`,
      "src/x/c.ts": `import "./d.ts";`,
      "src/x/d.ts": `import "./a.ts";`,
    });
    const cycles = runtimeCycles(graph);
    assertEquals(cycles, [
      { members: ["src/self.ts"], path: ["src/self.ts", "src/self.ts"] },
      {
        members: ["src/x/a.ts", "src/x/b.ts", "src/x/c.ts", "src/x/d.ts"],
        path: ["src/x/a.ts", "src/x/b.ts", "src/x/a.ts"],
      },
    ]);
    assertStrictEquals(describeCycle(cycles[1]!), "src/x/a.ts → src/x/b.ts → src/x/a.ts  (component of 4 files)");
  });
});

describe("layers", () => {
  it("places a file by its longest matching prefix", () => {
    assertEquals(
      [
        "src/base/errors.ts",
        "src/context.ts",
        "src/context/options.ts",
        "src/mod.ts",
        "strategies/weak.ts",
        "src/contexts.ts",
        "src/irx/a.ts",
        "src/args.ts",
      ]
        .map((f) => layerOf(f)?.name),
      ["base", "context", "context", "entry", "strategies", undefined, undefined, undefined],
    );
    // Listed inner first, so that taking the first or the last match would both be caught.
    const nested = [
      { name: "inner", level: 1, prefixes: ["src/inner/"] },
      { name: "outer", level: 0, prefixes: ["src/"] },
      { name: "middle", level: 2, prefixes: ["src/inner/x/"] },
      { name: "shallow", level: 3, prefixes: ["src/inner/x/y/"] },
    ];
    assertEquals(
      ["src/a.ts", "src/inner/b.ts", "src/inner/x/c.ts", "src/inner/x/y/d.ts"].map((f) => layerOf(f, nested)?.name),
      ["outer", "inner", "middle", "shallow"],
    );
  });

  it("reports upward runtime edges, upward type edges except ir to context, and sibling edges", () => {
    const graph = graphOf({
      "src/ffi/load.ts": `import { Operation } from "../ir/operation.ts";`, // runtime, up
      "src/ir/operation.ts": `
        import type { Context } from "../context.ts"; // type, up, allowed
        import { Ledger } from "../safety/ledger.ts"; // runtime, down
        import { Block } from "./block.ts"; // same layer
      `,
      "src/ir/block.ts": `import { Context } from "../context.ts";`, // runtime, up
      "src/safety/ledger.ts": `import type { Operation } from "../ir/operation.ts";`, // type, up from infrastructure
      "src/passes/pm.ts":
        `import type { print } from "../text/print.ts"; import type { Context } from "../context.ts";`,
      "src/text/print.ts": `import { Operation } from "../ir/operation.ts";`,
      "src/context.ts": `import { Operation } from "./ir/operation.ts"; import { PassManager } from "./passes/pm.ts";`,
      "src/mod.ts":
        `export * from "./context.ts"; export * from "./ffi/load.ts"; export * from "../strategies/weak.ts";`,
      "strategies/weak.ts":
        `import type { Context } from "../src/context.ts"; import { lib } from "../src/ffi/load.ts";`,
    });
    const violations = layerViolations(graph, LAYERS);
    assertEquals(violations, [
      { from: "src/ffi/load.ts", to: "src/ir/operation.ts", kind: "runtime", fromLayer: "ffi", toLayer: "ir" },
      { from: "src/ir/block.ts", to: "src/context.ts", kind: "runtime", fromLayer: "ir", toLayer: "context" },
      { from: "src/passes/pm.ts", to: "src/text/print.ts", kind: "type", fromLayer: "passes", toLayer: "text" },
      { from: "src/safety/ledger.ts", to: "src/ir/operation.ts", kind: "type", fromLayer: "safety", toLayer: "ir" },
      { from: "strategies/weak.ts", to: "src/context.ts", kind: "type", fromLayer: "strategies", toLayer: "context" },
    ]);
    assertStrictEquals(describeViolation(violations[0]!), "src/ffi/load.ts → src/ir/operation.ts (runtime, ffi → ir)");
    assertEquals(unplacedFiles(graph, LAYERS), []);
  });

  it("reports files in no layer", () => {
    const graph = graphOf({
      "src/args.ts": "",
      "src/misc/thing.ts": `import { e } from "../base/errors.ts";`,
      "src/base/errors.ts": "",
      "strategies/weak.ts": "",
    });
    assertEquals(unplacedFiles(graph, LAYERS), ["src/args.ts", "src/misc/thing.ts"]);
    assertEquals(layerViolations(graph, LAYERS), []); // an unplaced end is reported as a file, not as an edge
  });
});

describe("check and formatReport", () => {
  it("summarises every finding, and passes a clean tree", () => {
    const files = {
      "src/base/a.ts": `import { b } from "./b.ts";`,
      "src/base/b.ts": `import { a } from "./a.ts"; import type { O } from "../ir/op.ts";`,
      "src/ir/op.ts": `import { a } from "../base/a.ts"; import "../gone.ts";`,
      "src/loose.ts": "",
    };
    const report = withTree(files, (root) => check(root));
    assertStrictEquals(failed(report), true);
    assertStrictEquals(
      formatReport(report),
      [
        "import graph of src/, strategies/: 4 files, 5 edges (4 runtime, 1 type)",
        "runtime cycles: 1",
        "  src/base/a.ts → src/base/b.ts → src/base/a.ts",
        "layer violations: 1",
        "  src/base/b.ts → src/ir/op.ts (type, base → ir)",
        "unplaced files: 1",
        "  src/loose.ts",
        "imports of files outside the scan (not judged): 1",
        "  src/ir/op.ts → src/gone.ts (runtime)",
      ].join("\n"),
    );
    const clean = withTree({ "src/base/a.ts": "", "src/ir/op.ts": `import "../base/a.ts";` }, (root) => check(root));
    assertStrictEquals(failed(clean), false);
  });
});
