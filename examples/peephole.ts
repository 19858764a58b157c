/**
 * A peephole optimiser written in TypeScript: rewrite patterns for
 * `x * 1 → x`, `x + 0 → x` and constant folding of `arith.addi` and
 * `arith.muli` on i32 constants, applied by MLIR's greedy driver; the same
 * rewrites written in PDL (the identities in plain PDL, the folding as a
 * TypeScript rewrite function PDL calls); then the same module through
 * MLIR's own `canonicalize`, to compare; and a TypeScript pass that counts
 * what is left.
 *
 *   bun examples/peephole.ts [strategy]
 *   deno run -P examples/peephole.ts [strategy]
 *
 * @module
 */
import process from "node:process";
import {
  applyPatternsGreedily,
  Context,
  type Operation,
  type PatternRewriter,
  PDLModule,
  RewritePatternSet,
  STRATEGIES,
  type StrategyName,
  type Value,
} from "../src/mod.ts";
import * as arith from "../src/dialects/arith.ts";

const strategy = (process.argv[2] ?? "ephemeral") as StrategyName;
if (!STRATEGIES.includes(strategy)) throw new Error(`strategy must be one of ${STRATEGIES.join(", ")}`);

const SOURCE = `func.func @f(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %0 = arith.muli %x, %c1 : i32
  %1 = arith.addi %0, %c0 : i32
  %2 = arith.muli %c2, %c3 : i32
  %3 = arith.addi %1, %2 : i32
  return %3 : i32
}`;

/** The i32 value of a constant operand, or undefined. */
function constantOf(v: Value): number | undefined {
  const def = v.owner as Operation | null;
  if (def === null || !("name" in def) || def.name !== "arith.constant") return undefined;
  const text = def.attributes.get("value")?.toString() ?? "";
  const m = /^(-?\d+) : i32$/.exec(text);
  return m === null ? undefined : Number(m[1]);
}

/** `op(x, identity) → x`, and two constants → their folded constant. */
function simplify(identity: number, fold: (a: number, b: number) => number) {
  return (op: Operation, rewriter: PatternRewriter): boolean => {
    const [lhs, rhs] = [op.operands.at(0)!, op.operands.at(1)!];
    const [a, b] = [constantOf(lhs), constantOf(rhs)];
    if (b === identity) {
      rewriter.replaceOp(op, [lhs]);
      return true;
    }
    if (a !== undefined && b !== undefined) {
      const folded = arith.constant(op.result.type, fold(a, b) | 0, { ip: rewriter.insertionPoint });
      rewriter.replaceOp(op, [folded]);
      return true;
    }
    return false;
  };
}

using ctx = new Context({ strategy });
using patterns = new RewritePatternSet(ctx)
  .add(arith.MulIOp, simplify(1, (a, b) => Math.imul(a, b)))
  .add(arith.AddIOp, simplify(0, (a, b) => a + b))
  .freeze();

using ours = ctx.parseModule(SOURCE);
// Folding off: the patterns do all the work (the driver still drops dead constants).
const converged = applyPatternsGreedily(ours, patterns, { enableFolding: false });
ours.verify();

using theirs = ctx.parseModule(SOURCE);
using canonicalize = ctx.passManager("builtin.module(canonicalize)");
canonicalize.run(theirs);

// The same in PDL: `x * 1` and `x + 0` need no code; folding two constants
// calls a TypeScript rewrite, which finds the op by the pattern's root.
const identity = (op: string, n: number) => `
pdl.pattern @${op}_identity : benefit(2) {
  %t = pdl.type : i32
  %x = pdl.operand : %t
  %n = pdl.attribute = ${n} : i32
  %c = pdl.operation "arith.constant" {"value" = %n} -> (%t : !pdl.type)
  %cv = pdl.result 0 of %c
  %r = pdl.operation "arith.${op}"(%x, %cv : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.rewrite %r {
    pdl.replace %r with (%x : !pdl.value)
  }
}`;
const folding = (op: string) => `
pdl.pattern @${op}_fold : benefit(1) {
  %t = pdl.type : i32
  %a = pdl.attribute
  %b = pdl.attribute
  %ca = pdl.operation "arith.constant" {"value" = %a} -> (%t : !pdl.type)
  %cb = pdl.operation "arith.constant" {"value" = %b} -> (%t : !pdl.type)
  %va = pdl.result 0 of %ca
  %vb = pdl.result 0 of %cb
  %r = pdl.operation "arith.${op}"(%va, %vb : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.rewrite %r with "fold"
}`;
using pdlSource = ctx.parseModule([identity("muli", 1), identity("addi", 0), folding("muli"), folding("addi")].join("\n"));
const pdl = new PDLModule(pdlSource);
pdl.registerRewriteFunction("fold", (rewriter, _results, [root]) => {
  const op = root as Operation;
  const [a, b] = [constantOf(op.operands.at(0)!)!, constantOf(op.operands.at(1)!)!];
  const value = op.name === "arith.muli" ? Math.imul(a, b) : (a + b) | 0;
  rewriter.replaceOp(op, [arith.constant(op.result.type, value, { ip: rewriter.insertionPointBefore(op) })]);
});
using pdlPatterns = pdl.freeze();
using viaPdl = ctx.parseModule(SOURCE);
applyPatternsGreedily(viaPdl, pdlPatterns, { enableFolding: false });
viaPdl.verify();

// A pass written in TypeScript: counts the ops left in each function.
const counts: string[] = [];
using count = ctx.passManager();
count.nest("func.func").addPass((fn) => {
  let n = 0;
  fn.walk(() => void n++);
  counts.push(`@${fn.symbolName}: ${n} ops`);
}, { name: "count-ops", opName: "func.func" });
count.run(ours);

console.log(ours.toString());
console.log(`converged: ${converged}; ${counts.join(", ")}`);
console.log(`same as canonicalize: ${ours.toString() === theirs.toString()} (${strategy})`);
console.log(`PDL, same as the TypeScript patterns: ${viaPdl.toString() === ours.toString()}`);
