/**
 * The API sweep: every public method, getter, setter and static of every
 * exported class, called on a live specimen with wrong arguments, after its
 * module is disposed, after its context is disposed, and with objects of
 * another context. The members come from the classes themselves (their
 * prototypes), not from a hand-written list, so new API is swept as soon
 * as it exists.
 *
 * The rules: nothing crashes; every error is an `MlirError` (no TypeError
 * from inside the binding); a stale receiver throws `InvalidHandleError`.
 *
 * @module
 */
import * as mlir from "../../src/mod.ts";

/** How the specimen is spoiled before its members are called. */
export type Mode = "arguments" | "module-disposed" | "context-disposed" | "cross-context";

/** A fresh context with one module and everything made from them on demand. */
class World {
  readonly ctx: mlir.Context;
  readonly mod: mlir.Module;

  constructor(strategy: mlir.StrategyName) {
    this.ctx = new mlir.Context({ strategy, allowUnregisteredDialects: true });
    this.mod = this.ctx.parseModule(`
      func.func @f(%a: i32) -> i32 attributes {llvm.emit_c_interface} {
        %c = arith.constant 1 : i32
        %0 = arith.addi %a, %c : i32
        return %0 : i32
      }
      func.func private @g()`);
  }

  get func(): mlir.Operation {
    return this.mod.body.operations.at(0)!;
  }
  get entry(): mlir.Block {
    return this.func.regions.at(0)!.blocks.at(0)!;
  }
  get constant(): mlir.Operation {
    return this.entry.operations.at(0)!;
  }
  get add(): mlir.Operation {
    return this.entry.operations.at(1)!;
  }

  dispose(): void {
    this.ctx.dispose();
  }
}

const TYPES = [
  "i32",
  "index",
  "f32",
  "none",
  "complex<f32>",
  "(i32) -> i32",
  "tuple<i32, f32>",
  "tensor<2x?xf32>",
  "tensor<*xf32>",
  "vector<4xf32>",
  "memref<2x3xf32>",
  "memref<*xf32>",
  "!foo.bar",
];
const ATTRIBUTES = [
  "1 : i32",
  "1.5 : f32",
  "true",
  '"text"',
  "unit",
  "i32",
  "[1, 2]",
  "{a = 1 : i32}",
  "@sym",
  "@outer::@inner",
  "affine_map<(d0) -> (d0)>",
  "affine_set<(d0) : (d0 >= 0)>",
  "dense<[1, 2]> : tensor<2xi32>",
  "array<i32: 1, 2>",
  "#foo.opaque",
  "strided<[1]>",
];

/** Every specimen: a label and how to make it in a world. */
export const SPECIMENS: Record<string, (w: World) => unknown> = {
  Context: (w) => w.ctx,
  Module: (w) => w.mod,
  "Operation (func)": (w) => w.func,
  "Operation (constant)": (w) => w.constant,
  "Block (module body)": (w) => w.mod.body,
  "Block (entry)": (w) => w.entry,
  Region: (w) => w.func.regions.at(0),
  OpResult: (w) => w.constant.result,
  BlockArgument: (w) => w.entry.arguments.at(0),
  OpOperand: (w) => w.constant.result.uses.at(0),
  AttributeMap: (w) => w.func.attributes,
  "HandleList (operations)": (w) => w.entry.operations,
  "HandleList (uses)": (w) => w.constant.result.uses,
  Location: (w) => w.constant.location,
  "Location (file)": (w) => mlir.Location.file(w.ctx, "a.mlir", 1, 2),
  "Location (named)": (w) => mlir.Location.named(w.ctx, "n"),
  PassManager: (w) => w.ctx.passManager("builtin.module(canonicalize)"),
  OpPassManager: (w) => w.ctx.passManager().nest("func.func"),
  SymbolTable: (w) => new mlir.SymbolTable(w.mod.operation),
  "InsertionPoint (end)": (w) => mlir.InsertionPoint.atEnd(w.entry),
  "InsertionPoint (before)": (w) => mlir.InsertionPoint.before(w.add),
  ExecutionEngine: (w) => mlir.ExecutionEngine.create(w.ctx.parseModule(w.mod.toString())),
  "AffineExpr (dim)": (w) => mlir.AffineExpr.dim(w.ctx, 1),
  "AffineExpr (symbol)": (w) => mlir.AffineExpr.symbol(w.ctx, 0),
  "AffineExpr (constant)": (w) => mlir.AffineExpr.constant(w.ctx, 3),
  "AffineExpr (add)": (w) => mlir.AffineExpr.dim(w.ctx, 0).add(mlir.AffineExpr.symbol(w.ctx, 0)),
  "AffineExpr (floordiv)": (w) => mlir.AffineExpr.dim(w.ctx, 0).floorDiv(4),
  "AffineMap": (w) => mlir.AffineMap.get(w.ctx, 2, 1, [mlir.AffineExpr.dim(w.ctx, 1), mlir.AffineExpr.symbol(w.ctx, 0)]),
  "AffineMap (constant)": (w) => mlir.AffineMap.constant(w.ctx, 7),
  "IntegerSet": (w) => mlir.IntegerSet.get(w.ctx, 1, 1, [mlir.AffineExpr.dim(w.ctx, 0).sub(mlir.AffineExpr.symbol(w.ctx, 0))], [false]),
  ...Object.fromEntries(TYPES.map((t) => [`Type ${t}`, (w: World) => w.ctx.parseType(t)])),
  ...Object.fromEntries(ATTRIBUTES.map((a) => [`Attribute ${a}`, (w: World) => w.ctx.parseAttribute(a)])),
};

/** Specimens whose life ends with their module (the rest live until the context goes). */
const IN_MODULE = new Set([
  "Operation (func)",
  "Operation (constant)",
  "Block (module body)",
  "Block (entry)",
  "Region",
  "OpResult",
  "BlockArgument",
  "OpOperand",
  "AttributeMap",
  "HandleList (operations)",
  "HandleList (uses)",
  "SymbolTable",
  "InsertionPoint (end)",
  "InsertionPoint (before)",
  "Module",
]);

/**
 * Members that answer on a stale receiver by design, with the reason.
 * Anything else must throw InvalidHandleError there.
 */
export const STALE_OK: Record<string, string> = {
  isValid: "reports staleness instead of throwing",
  equals: "a stale handle equals nothing; comparing never throws",
  dispose: "disposing twice, or after the context, does nothing",
  // Node 20 names its Symbol.dispose "nodejs.dispose"; Bun and Deno "Symbol.dispose".
  [String(Symbol.dispose)]: "same as dispose",
  strategy: "a plain option of the Context object",
};

/** Values no method accepts in place of its real arguments. */
function junk(): unknown[] {
  return [undefined, null, NaN, -1, 2 ** 53, 1.5, "", "junk", {}, [], Symbol("junk"), 10n, () => {}, new Uint8Array(2)];
}

interface Member {
  readonly name: string | symbol;
  readonly kind: "method" | "getter" | "setter";
  readonly arity: number;
}

/** The public members of `value`'s class chain (or of a class, for statics). */
export function membersOf(value: object, statics = false): Member[] {
  const out = new Map<string | symbol, Member>();
  const skip = new Set<string | symbol>(["constructor", "length", "name", "prototype"]);
  for (let p: object | null = statics ? value : Object.getPrototypeOf(value); p !== null && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const key of Reflect.ownKeys(p)) {
      if (skip.has(key) || out.has(key) || (typeof key === "string" && key.startsWith("_"))) continue;
      const d = Object.getOwnPropertyDescriptor(p, key)!;
      if (typeof d.value === "function") out.set(key, { name: key, kind: "method", arity: d.value.length });
      else if (d.get) out.set(key, { name: key, kind: "getter", arity: 0 });
      if (d.set) out.set(`${String(key)}=`, { name: key, kind: "setter", arity: 1 });
    }
  }
  return [...out.values()];
}

/** A broken rule. */
export interface Violation {
  readonly where: string;
  readonly what: string;
}

function drain(result: unknown): unknown {
  // Generators and iterators do their work when read.
  if (result !== null && typeof result === "object" && typeof (result as Iterator<unknown>).next === "function") {
    const it = result as Iterator<unknown>;
    for (let i = 0; i < 5 && !it.next().done; i++);
  }
  return result;
}

function call(receiver: object, m: Member, args: unknown[]): unknown {
  const target = receiver as Record<string | symbol, unknown>;
  if (m.kind === "getter") return drain(target[m.name]);
  if (m.kind === "setter") {
    target[m.name] = args[0];
    return undefined;
  }
  return drain((target[m.name] as (...a: unknown[]) => unknown).apply(receiver, args));
}

function describe(args: unknown[]): string {
  return args.map((a) => {
    if (typeof a === "bigint") return `${a}n`;
    if (typeof a === "symbol" || typeof a === "function") return String(a).slice(0, 20);
    if (a instanceof Uint8Array) return "Uint8Array";
    if (a !== null && typeof a === "object" && a.constructor !== Object && a.constructor !== Array) return a.constructor.name;
    return JSON.stringify(a) ?? String(a);
  }).join(", ");
}

/** Counts of calls made and of outcomes. */
export interface SweepReport {
  calls: number;
  members: number;
  typedErrors: number;
  invalidHandle: number;
  returned: number;
  /** Members that answered on a stale receiver, as STALE_OK allows. */
  allowedOnStale: string[];
  violations: Violation[];
}

/** Sweeps every specimen in `mode`; `progress` is told where it is, for crash reports. */
export function sweep(strategy: mlir.StrategyName, mode: Mode, progress: (at: string) => void): SweepReport {
  const report: SweepReport = {
    calls: 0,
    members: 0,
    typedErrors: 0,
    invalidHandle: 0,
    returned: 0,
    allowedOnStale: [],
    violations: [],
  };
  const targets: [string, (w: World) => object][] = Object.entries(SPECIMENS).map(([l, f]) => [l, f as (w: World) => object]);
  // Statics: each exported class's own static members, called on the class.
  for (const [name, value] of Object.entries(mlir)) {
    if (typeof value === "function" && /^[A-Z]/.test(name) && !(value.prototype instanceof Error)) {
      targets.push([`static ${name}`, () => value as object]);
    }
  }
  if (mode === "module-disposed") targets.splice(0, targets.length, ...targets.filter(([l]) => IN_MODULE.has(l)));
  if (mode !== "arguments") targets.splice(0, targets.length, ...targets.filter(([l]) => !l.startsWith("static ")));

  for (const [label, make] of targets) {
    const probe = new World(strategy);
    let members: Member[];
    try {
      members = membersOf(make(probe), label.startsWith("static "));
    } finally {
      probe.dispose();
    }
    for (const m of members) {
      const where = `${label}.${String(m.name)}${m.kind === "setter" ? "=" : ""}`;
      progress(where);
      report.members++;
      const world = new World(strategy);
      const foreign = mode === "cross-context" ? new World(strategy) : null;
      try {
        const receiver = make(world);
        const vectors: unknown[][] = [];
        if (mode === "arguments") {
          vectors.push([]);
          const n = Math.min(Math.max(m.arity, 1), 3);
          for (const j of junk()) vectors.push(Array(n).fill(j));
          vectors.push(Array(n + 2).fill("junk"));
        } else if (mode === "cross-context") {
          if (m.arity === 0 && m.kind !== "setter") continue;
          for (const [, makeForeign] of Object.entries(SPECIMENS)) {
            let f: unknown;
            try {
              f = makeForeign(foreign!);
            } catch {
              continue;
            }
            vectors.push([f], Array(Math.min(Math.max(m.arity, 1), 3)).fill(f));
          }
        } else {
          if (mode === "module-disposed") world.mod.dispose();
          else world.ctx.dispose();
          vectors.push([]);
        }
        for (const args of vectors) {
          report.calls++;
          try {
            call(receiver, m, args);
            report.returned++;
            if (mode === "module-disposed" || mode === "context-disposed") {
              if (!(String(m.name) in STALE_OK)) report.violations.push({ where, what: "answered on a stale receiver" });
              else report.allowedOnStale.push(where);
            }
          } catch (e) {
            if (!(e instanceof mlir.MlirError)) {
              report.violations.push({ where, what: `(${describe(args)}) threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}` });
              continue;
            }
            report.typedErrors++;
            if (e instanceof mlir.InvalidHandleError) report.invalidHandle++;
            else if (mode === "module-disposed" || mode === "context-disposed") {
              // With no arguments, a method that needs some may refuse that first.
              if (!(e instanceof mlir.ArgumentError && m.arity > 0)) {
                report.violations.push({ where, what: `threw ${e.constructor.name} instead of InvalidHandleError: ${e.message}` });
              }
            }
          }
        }
      } finally {
        foreign?.dispose();
        world.dispose();
      }
    }
  }
  return report;
}
