/**
 * A peephole optimiser written in TypeScript: rewrite patterns for
 * `x * 1 → x`, `x + 0 → x` and constant folding of `arith.addi` and
 * `arith.muli` on i32 constants, applied by MLIR's greedy driver; then the
 * same module through MLIR's own `canonicalize`, to compare; and a
 * TypeScript pass that counts what is left.
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
