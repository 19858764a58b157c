/**
 * Transformations written in TypeScript, against what MLIR does natively:
 *
 * - `pattern-empty` / `pattern-miss`: the greedy driver over the module with
 *   no patterns, and with one TypeScript pattern on `arith.addi` that never
 *   matches (no folding, so nothing changes and the module is reused). Both
 *   per pattern invocation; their difference is what calling a TypeScript
 *   pattern costs.
 * - `pattern-rewrite` / `canonicalize`: `x * 1 → x` as a TypeScript pattern,
 *   against the `canonicalize` pass, which folds the same `x * 1` (and more);
 *   per op, on a freshly parsed module each sample (parsing not timed).
 * - `ts-pass-noop` / `ts-pass-walk`: a TypeScript pass that does nothing,
 *   and one that walks every op reading its name; per op. Their difference
 *   is the walk inside a pass, to compare with the native walk.
 * - `callback-floor` (raw only): a C loop calling a bare JS callback with
 *   the dispatcher's signature; per call. No binding can call a TypeScript
 *   pattern for less, so the pattern's overhead is reported beside it.
 *
 * @module
 */
import { do_not_optimize } from "mitata";
import { bench } from "../harness.ts";
import { benchLib } from "../native_symbols.ts";
import { dispatcherPointer } from "../../src/ffi/load.ts";
import { applyPatternsGreedily, type Module, type Operation, RewritePatternSet } from "../../src/mod.ts";
import { contextFor, source, type Variant } from "../fixtures.ts";
import type { Meta, Workload } from "../workload.ts";

const applies = (variant: Variant) => variant !== "native" && variant !== "raw";
/** No folding and no region simplification: the driver's own work stays small beside the calls. */
const NO_FOLD = { enableFolding: false, regionSimplification: "disabled" } as const;

/** How many times the driver calls an `arith.addi` pattern on the module (counted once, at setup). */
function invocations(mod: Module, ctx: ReturnType<typeof contextFor>): number {
  let n = 0;
  using counting = new RewritePatternSet(ctx).add("arith.addi", () => {
    n++;
    return false;
  }).freeze();
  applyPatternsGreedily(mod, counting, NO_FOLD);
  return n;
}

function driver(name: "pattern-empty" | "pattern-miss", variant: Variant, sizes: readonly number[], meta: Meta): void {
  bench(name, function* (state) {
    const size = state.get("size") as number;
    const ctx = contextFor(variant);
    const mod = ctx.parseModule(source("functions", size));
    meta.set(`${name}:${size}`, { units: invocations(mod, ctx) });
    const set = new RewritePatternSet(ctx);
    let seen = 0;
    if (name === "pattern-miss") {
      set.add("arith.addi", (op) => {
        seen += op.operands.length;
        return false;
      });
    }
    const frozen = set.freeze();
    yield () => do_not_optimize(applyPatternsGreedily(mod, frozen, NO_FOLD) && seen);
    frozen.dispose();
    mod.dispose();
    ctx.dispose();
  }).args("size", [...sizes]);
}

/** `x * c` where `c` is `arith.constant 1`. */
function timesOne(op: Operation): boolean {
  const rhs = op.operands.at(1)!.owner as Operation;
  return rhs.name === "arith.constant" && rhs.attributes.get("value")?.toString() === "1 : i32";
}

export const patternEmpty: Workload = {
  name: "pattern-empty",
  title: "Greedy driver with no patterns (ns per addi the pattern would see)",
  unit: "op",
  sized: true,
  register(variant, sizes, meta) {
    if (applies(variant)) driver("pattern-empty", variant, sizes, meta);
  },
};

export const patternMiss: Workload = {
  name: "pattern-miss",
  title: "Greedy driver with a TypeScript pattern that never matches (ns per invocation)",
  unit: "op",
  sized: true,
  register(variant, sizes, meta) {
    if (applies(variant)) driver("pattern-miss", variant, sizes, meta);
  },
};

export const patternRewrite: Workload = {
  name: "pattern-rewrite",
  title: "x * 1 → x as a TypeScript pattern (ns per op of the module)",
  unit: "op",
  sized: true,
  rewrites: true,
  register(variant, sizes, meta) {
    if (!applies(variant)) return;
    bench("pattern-rewrite", function* (state) {
      const size = state.get("size") as number;
      meta.set(`pattern-rewrite:${size}`, { units: size });
      const ctx = contextFor(variant);
      const frozen = new RewritePatternSet(ctx).add("arith.muli", (op, rewriter) => {
        if (!timesOne(op)) return false;
        rewriter.replaceOp(op, [op.operands.at(0)!]);
        return true;
      }).freeze();
      yield {
        [0]: () => ctx.parseModule(source("functions", size)),
        bench(mod: Module) {
          const converged = applyPatternsGreedily(mod, frozen, NO_FOLD);
          mod.dispose();
          return do_not_optimize(converged);
        },
      };
      frozen.dispose();
      ctx.dispose();
    }).args("size", [...sizes]);
  },
};

export const canonicalizeRun: Workload = {
  name: "canonicalize",
  title: "The canonicalize pass, which folds the same x * 1 (ns per op of the module)",
  unit: "op",
  sized: true,
  rewrites: true,
  register(variant, sizes, meta) {
    if (!applies(variant)) return;
    bench("canonicalize", function* (state) {
      const size = state.get("size") as number;
      meta.set(`canonicalize:${size}`, { units: size });
      const ctx = contextFor(variant);
      const pm = ctx.passManager("builtin.module(canonicalize)");
      yield {
        [0]: () => ctx.parseModule(source("functions", size)),
        bench(mod: Module) {
          pm.run(mod);
          mod.dispose();
          return do_not_optimize(pm);
        },
      };
      pm.dispose();
      ctx.dispose();
    }).args("size", [...sizes]);
  },
};

function passBench(name: "ts-pass-noop" | "ts-pass-walk", variant: Variant, sizes: readonly number[], meta: Meta): void {
  bench(name, function* (state) {
    const size = state.get("size") as number;
    const ctx = contextFor(variant);
    const mod = ctx.parseModule(source("functions", size));
    let ops = 0;
    mod.operation.walk(() => void ops++);
    meta.set(`${name}:${size}`, { units: ops });
    let total = 0;
    const pm = ctx.passManager();
    pm.addPass(name === "ts-pass-walk" ? (op) => op.walk((o) => void (total += o.name.length)) : () => void total++);
    yield () => {
      pm.run(mod);
      return do_not_optimize(total);
    };
    pm.dispose();
    mod.dispose();
    ctx.dispose();
  }).args("size", [...sizes]);
}

export const tsPassNoop: Workload = {
  name: "ts-pass-noop",
  title: "A TypeScript pass that does nothing (ns per op of the module: verification and the run)",
  unit: "op",
  sized: true,
  register(variant, sizes, meta) {
    if (applies(variant)) passBench("ts-pass-noop", variant, sizes, meta);
  },
};

export const tsPassWalk: Workload = {
  name: "ts-pass-walk",
  title: "A TypeScript pass walking every op and reading its name (ns per op)",
  unit: "op",
  sized: true,
  register(variant, sizes, meta) {
    if (applies(variant)) passBench("ts-pass-walk", variant, sizes, meta);
  },
};

/** Calls per sample of the floor: enough that the FFI call into the C loop is lost in it. */
const FLOOR_CALLS = 10_000;

export const callbackFloor: Workload = {
  name: "callback-floor",
  title: "A C loop calling a bare JS callback (ns per call): the floor under every pattern call",
  unit: "access",
  sized: false,
  register(variant, _sizes, meta) {
    if (variant !== "raw") return;
    bench("callback-floor", function* () {
      meta.set("callback-floor:1", { units: FLOOR_CALLS });
      // The runtime keeps the callback for the life of the process, as it does the dispatcher's.
      const fn = dispatcherPointer((_kind, id) => id & 1);
      yield () => do_not_optimize(benchLib.mlirffi_bench_call_back(fn, FLOOR_CALLS));
    });
  },
};
