/**
 * The differential fuzzer's engine: generates random API calls over a pool
 * of contexts, modules and handles, runs each against the binding and the
 * model, and throws `Mismatch` when they disagree.
 *
 * Actions are plain JSON that refer to pool slots by index, so a failing
 * sequence can be replayed, shortened and printed as a test. An action
 * whose slots are missing (after shortening) is skipped.
 *
 * @module
 */
import {
  applyPatternsGreedily,
  Block,
  Context,
  InsertionPoint,
  IntegerAttr,
  IntegerType,
  InvalidHandleError,
  type Module,
  Operation,
  Region,
  RewritePatternSet,
  type StrategyName,
  Value,
} from "../../src/mod.ts";
import { forceGC } from "../_gc.ts";
import {
  cloneRefersToOriginal,
  isAncestor,
  isValidIR,
  nestedUsedOutside,
  kill,
  MContext,
  mirror,
  type MNode,
  MOwner,
  reasonOf,
  refersOutside,
  remirrorRegions,
  subtree,
  usedOutside,
} from "./model.ts";

/** One generated call. */
export type Action = { t: string } & Record<string, number | string>;

/** The binding and the model disagree. */
export class Mismatch extends Error {}

/** The errors the safe API may throw to the fuzzer's calls. */
const KNOWN_ERRORS = ["InvalidHandleError", "StructuralError", "MlirVerificationError", "ArgumentError", "PassFailureError", "PatternError"];

/** Operations MLIR will run a pass pipeline on. */
const ISOLATED = new Set(["func.func", "builtin.module"]);

/** A call, what the model predicts for it, and how the model changes when it succeeds (or fails). */
interface Step {
  expect: Outcome;
  act: () => unknown;
  apply?: (v: unknown) => void;
  applyErr?: () => void;
}

/** A predicted or observed outcome. */
type Outcome = { ok: true } | { err: string; reason?: string };

const TEMPLATES = [
  `func.func @f(%a: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %0 = arith.addi %a, %c1 : i32
  %1 = arith.muli %0, %0 : i32
  return %1 : i32
}
func.func @g(%b: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %0 = arith.subi %b, %c2 : i32
  return %0 : i32
}`,
  `func.func @loop(%n: index, %init: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (i32) {
    %k = arith.constant 3 : i32
    %s = arith.addi %acc, %k : i32
    scf.yield %s : i32
  }
  return %r : i32
}`,
  `module @outer {
  module @inner {
    func.func @h() -> i32 {
      %c = arith.constant 5 : i32
      return %c : i32
    }
  }
  %top = arith.constant 7 : i32
}`,
];

interface CtxSlot {
  readonly ctx: Context;
  readonly m: MContext;
}
interface ModSlot {
  readonly mod: Module;
  readonly owner: MOwner;
  readonly root: MNode;
  readonly c: number;
}
type AnyHandle = Operation | Block | Value | Region;
interface HSlot {
  readonly h: AnyHandle;
  readonly node: MNode;
}

/** A seeded random number generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function outcomeOf(e: unknown): Outcome {
  if (e instanceof InvalidHandleError) return { err: "InvalidHandleError", reason: e.reason };
  if (e instanceof Error) return { err: e.constructor.name };
  return { err: String(e) };
}

function same(a: Outcome, b: Outcome): boolean {
  if ("ok" in a || "ok" in b) return "ok" in a && "ok" in b;
  return a.err === b.err && (a.reason === undefined || a.reason === b.reason);
}

const show = (o: Outcome) => ("ok" in o ? "ok" : `${o.err}${o.reason ? `(${o.reason})` : ""}`);

/** Runs actions against the binding and the model. */
export class Fuzzer {
  readonly contexts: (CtxSlot | null)[] = [];
  readonly modules: (ModSlot | null)[] = [];
  readonly handles: (HSlot | null)[] = [];
  calls = 0;
  /** How often each action ended each way ("erase:ok", "fetch:InvalidHandleError", "pass:skipped"). */
  readonly stats = new Map<string, number>();

  /** Called after each action that ran, with its outcome (for replays). */
  log: ((a: Action, outcome: string) => void) | null = null;

  constructor(readonly strategy: StrategyName) {}

  // ---- generation ----

  /** A random action for the current pool. */
  generate(r: () => number): Action {
    const pick = (n: number) => Math.floor(r() * n);
    // Handles of one kind, mostly live ones so sequences reach deep states;
    // a quarter of picks take any slot, stale handles included.
    const of = (kind: abstract new (...args: never[]) => AnyHandle) => {
      const slots = this.handles.flatMap((s, i) => (s !== null && s.h instanceof kind ? [i] : []));
      const live = slots.filter((i) => reasonOf(this.handles[i]!.node) === null);
      const from = live.length > 0 && r() < 0.75 ? live : slots;
      return from.length === 0 ? pick(Math.max(1, this.handles.length)) : from[pick(from.length)]!;
    };
    const op = () => of(Operation);
    const block = () => of(Block);
    const value = () => of(Value);
    const any = () => pick(Math.max(1, this.handles.length));
    const liveContexts = this.contexts.flatMap((c, i) => (c?.m.alive ? [i] : []));
    const ctx = () => (liveContexts.length > 0 && r() < 0.9 ? liveContexts[pick(liveContexts.length)]! : pick(this.contexts.length));
    const roll = r();
    if (liveContexts.length === 0 || (roll < 0.02 && this.contexts.length < 3)) return { t: "ctx" };
    if (roll < 0.08 || this.modules.filter(Boolean).length === 0) return { t: "parse", c: ctx(), tmpl: pick(TEMPLATES.length) };
    if (roll < 0.36) {
      const from = r() < 0.2 ? { src: "m", i: pick(this.modules.length) } : { src: "h", i: any() };
      return { t: "fetch", ...from, how: pick(8), k: pick(6) } as Action;
    }
    if (roll < 0.44) return { t: "read", h: any() };
    if (roll < 0.48) return { t: "equals", a: any(), b: any() };
    if (roll < 0.54) return { t: "erase", h: op() };
    if (roll < 0.59) return { t: "detach", h: op() };
    if (roll < 0.62) return { t: "clone", h: op() };
    if (roll < 0.67) return { t: "append", b: block(), h: op() };
    if (roll < 0.73) return { t: r() < 0.5 ? "moveBefore" : "moveAfter", h: op(), ref: op() };
    if (roll < 0.77) {
      // Registered passes, TypeScript passes and TypeScript patterns, on a module or an op.
      const t = ["pass", "tspass", "tspattern"][pick(3)]!;
      return r() < 0.5 ? { t, src: "m", i: pick(this.modules.length), mode: pick(6) } : { t, src: "h", i: op(), mode: pick(6) };
    }
    if (roll < 0.8) return { t: "verify", h: op() };
    if (roll < 0.86) {
      const how = pick(5);
      return { t: "create", c: ctx(), at: how === 1 || how === 3 ? block() : op(), how, v: value(), w: value() };
    }
    if (roll < 0.89) return { t: "rauw", a: value(), b: value() };
    if (roll < 0.92) return { t: "print", m: pick(this.modules.length) };
    if (roll < 0.945) return { t: "disposeModule", m: pick(this.modules.length) };
    // Disposing a context ends most of what a sequence can do: keep it rare.
    if (roll < 0.95) return { t: "disposeCtx", c: ctx() };
    if (roll < 0.99) return { t: "drop", h: any(), m: r() < 0.3 ? pick(this.modules.length) : -1 };
    return { t: "gc" };
  }

  // ---- execution ----

  /** Runs one action on both sides; throws Mismatch if they disagree. */
  async run(a: Action): Promise<void> {
    this.calls++;
    switch (a.t) {
      case "ctx": {
        const m = new MContext(this.contexts.length);
        this.contexts.push({ ctx: new Context({ strategy: this.strategy }), m });
        return;
      }
      case "gc":
        await forceGC(2);
        return;
      case "drop": {
        if (this.handles[a.h as number] !== undefined) this.handles[a.h as number] = null;
        const m = a.m as number;
        if (m >= 0 && this.modules[m] !== undefined) this.modules[m] = null;
        return;
      }
    }
    const step = this.#step(a);
    if (step === null) return this.#count(`${a.t}:skipped`); // refers to a slot that is not there
    const { expect, act, apply, applyErr } = step;
    let actual: Outcome;
    let value: unknown;
    try {
      value = act();
      actual = { ok: true };
    } catch (e) {
      const failure = outcomeOf(e) as { err: string; reason?: string };
      actual = failure;
      if (!KNOWN_ERRORS.includes(failure.err)) {
        throw new Mismatch(`${JSON.stringify(a)}: unexpected ${show(actual)}: ${(e as Error).stack}`);
      }
    }
    if (!same(expect, actual)) {
      throw new Mismatch(`${JSON.stringify(a)}: model expected ${show(expect)}, binding gave ${show(actual)}${this.#dump()}`);
    }
    if ("ok" in actual) apply?.(value);
    else applyErr?.();
    this.#count(`${a.t}:${"ok" in actual ? "ok" : actual.err}`);
    this.log?.(a, show(actual));
  }

  /** With FUZZ_DUMP set: the IR of every live root, for reading a mismatch. */
  #dump(): string {
    if (!(globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FUZZ_DUMP) return "";
    const roots = new Set<Operation>();
    for (const s of this.handles) {
      if (s === null || reasonOf(s.node) !== null) continue;
      let op: Operation | null = s.h instanceof Operation ? s.h : null;
      if (op === null) continue;
      while (op.parent !== null) op = op.parent;
      roots.add(op);
    }
    return [...roots].map((r) => `\n--- root ${r.name}\n${r.print({ generic: true, localScope: true })}`).join("");
  }

  #count(key: string): void {
    this.stats.set(key, (this.stats.get(key) ?? 0) + 1);
  }

  #ctx(c: number): CtxSlot | null {
    return this.contexts[c] ?? null;
  }

  #handle(i: number): HSlot | null {
    return this.handles[i] ?? null;
  }

  #op(i: number): HSlot | null {
    const s = this.#handle(i);
    return s !== null && s.h instanceof Operation ? s : null;
  }

  /** Adds a handle to the pool, checking identity against handles to the same object. */
  #keep(h: AnyHandle, node: MNode): void {
    for (const s of this.handles) {
      if (s === null || s.node !== node || reasonOf(node) !== null || s.h.constructor !== h.constructor) continue;
      if (!s.h.equals(h)) throw new Mismatch(`two handles to one ${node.kind} are not equal`);
      if (s.h.key !== h.key) throw new Mismatch(`two handles to one ${node.kind} have different keys`);
      if (this.strategy !== "ephemeral" && s.h !== h) throw new Mismatch(`${this.strategy}: two handles to one ${node.kind} are not ===`);
    }
    this.handles.push({ h, node });
  }

  /** Prediction for touching `node` first: its invalidity, or null. */
  #dead(node: MNode): Outcome | null {
    const reason = reasonOf(node);
    return reason === null ? null : { err: "InvalidHandleError", reason };
  }

  #step(a: Action): Step | null {
    switch (a.t) {
      case "parse": {
        const c = this.#ctx(a.c as number);
        if (c === null) return null;
        const text = TEMPLATES[a.tmpl as number]!;
        return {
          expect: c.m.alive ? { ok: true } : { err: "InvalidHandleError", reason: "context disposed" },
          act: () => c.ctx.parseModule(text),
          apply: (v) => {
            const mod = v as Module;
            const owner = new MOwner(c.m);
            const root = mirror(mod.operation, c.m, null);
            root.rootOwner = owner;
            this.modules.push({ mod, owner, root, c: a.c as number });
          },
        };
      }
      case "fetch":
        return this.#fetch(a);
      case "read": {
        const s = this.#handle(a.h as number);
        if (s === null) return null;
        const dead = this.#dead(s.node);
        return {
          expect: dead ?? { ok: true },
          act: () => {
            if (s.h.isValid !== (dead === null)) throw new Mismatch(`isValid is ${s.h.isValid}, the model says ${dead === null}`);
            if (s.h instanceof Operation && s.h.name !== s.node.name) throw new Mismatch(`name ${s.h.name} != ${s.node.name}`);
            if (s.h instanceof Block) return s.h.operations.length;
            if (s.h instanceof Value) return s.h.type.toString();
            if (s.h instanceof Region) return s.h.blocks.length;
            return s.h.print({ localScope: true });
          },
        };
      }
      case "equals": {
        const x = this.#handle(a.a as number);
        const y = this.#handle(a.b as number);
        if (x === null || y === null) return null;
        const expected = reasonOf(x.node) === null && reasonOf(y.node) === null && x.node === y.node &&
          x.h.constructor === y.h.constructor;
        return {
          expect: { ok: true },
          act: () => {
            if (x.h.equals(y.h) !== expected) throw new Mismatch(`equals gave ${!expected}, the model says ${expected}`);
          },
        };
      }
      case "erase": {
        const s = this.#op(a.h as number);
        if (s === null) return null;
        const node = s.node;
        const dead = this.#dead(node);
        if (dead !== null) return { expect: dead, act: () => (s.h as Operation).erase() };
        const isRoot = node.parentOp === null;
        if (!isRoot && usedOutside(node)) return { expect: { err: "StructuralError" }, act: () => (s.h as Operation).erase() };
        return {
          expect: { ok: true },
          act: () => (s.h as Operation).erase(),
          apply: () => {
            if (isRoot) {
              const owner = node.owner;
              owner.closed = "parent erased";
              owner.rootReason = "operation erased";
              kill(node, "operation erased", "parent erased");
            } else {
              node.block!.children.splice(node.block!.children.indexOf(node), 1);
              kill(node, "operation erased", "parent erased");
            }
          },
        };
      }
      case "detach": {
        const s = this.#op(a.h as number);
        if (s === null) return null;
        const node = s.node;
        const op = s.h as Operation;
        const dead = this.#dead(node);
        if (dead !== null) return { expect: dead, act: () => op.detach() };
        if (node.parent === null || refersOutside(node) || usedOutside(node)) {
          return { expect: { err: "StructuralError" }, act: () => op.detach() };
        }
        return {
          expect: { ok: true },
          act: () => op.detach(),
          apply: () => {
            const owner = new MOwner(node.ctx);
            node.block!.children.splice(node.block!.children.indexOf(node), 1);
            node.parent = null;
            node.rootOwner = owner;
          },
        };
      }
      case "clone": {
        const s = this.#op(a.h as number);
        if (s === null) return null;
        const op = s.h as Operation;
        const dead = this.#dead(s.node);
        if (dead !== null) return { expect: dead, act: () => op.clone() };
        if (refersOutside(s.node) || cloneRefersToOriginal(s.node)) return { expect: { err: "StructuralError" }, act: () => op.clone() };
        return {
          expect: { ok: true },
          act: () => op.clone(),
          apply: (v) => {
            const clone = v as Operation;
            const node = mirror(clone, s.node.ctx, null);
            node.rootOwner = new MOwner(s.node.ctx);
            this.#keep(clone, node);
          },
        };
      }
      case "append": {
        const b = this.#handle(a.b as number);
        const s = this.#op(a.h as number);
        if (b === null || s === null || !(b.h instanceof Block)) return null;
        const block = b.h;
        const op = s.h as Operation;
        const expect = this.#insertion(b.node, s.node, () => b.node.children.length);
        return { expect: expect.outcome, act: () => block.append(op), apply: expect.apply };
      }
      case "moveBefore":
      case "moveAfter": {
        const s = this.#op(a.h as number);
        const ref = this.#op(a.ref as number);
        if (s === null || ref === null) return null;
        const op = s.h as Operation;
        const r = ref.h as Operation;
        const act = () => (a.t === "moveBefore" ? op.moveBefore(r) : op.moveAfter(r));
        const dead = this.#dead(s.node) ?? this.#dead(ref.node);
        if (dead !== null) return { expect: dead, act };
        if (s.node === ref.node) return { expect: { ok: true }, act };
        const block = ref.node.block;
        if (block === null) return { expect: { err: "StructuralError" }, act };
        const expect = this.#insertion(block, s.node, () => {
          const i = block.children.indexOf(ref.node);
          return a.t === "moveBefore" ? i : i + 1;
        });
        return { expect: expect.outcome, act, apply: expect.apply };
      }
      case "pass":
      case "tspass":
      case "tspattern": {
        const target = a.src === "m" ? this.modules[a.i as number] ?? null : this.#op(a.i as number);
        if (target === null) return null;
        const node = "root" in target ? target.root : target.node;
        const ctx = this.contexts[node.ctx.id]!.ctx;
        const op = () => ("mod" in target ? target.mod.operation : target.h as Operation);
        const mod = "mod" in target ? target.mod : null;
        const mode = a.mode as number;
        // Each asks the context first, then the target.
        const act = a.t === "pass"
          ? () => runCanonicalize(ctx, op)
          : a.t === "tspass"
          ? () => runTsPass(ctx, op, mod, mode)
          : () => runTsPatterns(ctx, op, mod, mode);
        if (!node.ctx.alive) return { expect: { err: "InvalidHandleError", reason: "context disposed" }, act };
        const dead = this.#dead(node);
        if (dead !== null) return { expect: dead, act };
        if (!isValidIR(node) || nestedUsedOutside(node)) return { expect: { err: "MlirVerificationError" }, act };
        // Failed or not, the run invalidates old handles to what was inside
        // (it may have started); what is there now is reachable afresh.
        const after = () => remirrorRegions(node, op());
        let failure: string | null = null;
        // MLIR schedules passes only on isolated operations.
        if (a.t !== "tspattern" && !ISOLATED.has(node.name)) failure = "PassFailureError";
        if (a.t === "tspass" && (mode === 1 || mode === 2)) failure = "PassFailureError";
        // The throwing patterns are rooted on func.return, which is never dead, so they surely run.
        if (a.t === "tspattern" && mode === 2 && subtree(node).some((n) => n !== node && n.kind === "op" && n.name === "func.return")) {
          failure = "PatternError";
        }
        return failure !== null ? { expect: { err: failure }, act, applyErr: after } : { expect: { ok: true }, act, apply: after };
      }
      case "verify": {
        const s = this.#op(a.h as number);
        if (s === null) return null;
        const op = s.h as Operation;
        const dead = this.#dead(s.node);
        if (dead !== null) return { expect: dead, act: () => op.verify() };
        return { expect: isValidIR(s.node) ? { ok: true } : { err: "MlirVerificationError" }, act: () => op.verify() };
      }
      case "create":
        return this.#create(a);
      case "rauw": {
        const x = this.#handle(a.a as number);
        const y = this.#handle(a.b as number);
        if (x === null || y === null || !(x.h instanceof Value) || !(y.h instanceof Value)) return null;
        const v = x.h;
        const w = y.h;
        const act = () => v.replaceAllUsesWith(w);
        const dead = this.#dead(x.node) ?? this.#dead(y.node);
        if (dead !== null) return { expect: dead, act };
        if (x.node.owner !== y.node.owner) return { expect: { err: "StructuralError" }, act };
        if (v.type.toString() !== w.type.toString()) return null; // would need type rules in the model
        return {
          expect: { ok: true },
          act,
          apply: () => {
            for (const user of [...x.node.ctx.byKey.values()]) {
              if (user.kind === "op") user.operands = user.operands.map((o) => (o === x.node ? y.node : o));
            }
          },
        };
      }
      case "print": {
        const m = this.modules[a.m as number];
        if (m == null) return null;
        return { expect: this.#dead(m.root) ?? { ok: true }, act: () => m.mod.toString() };
      }
      case "disposeModule": {
        const m = this.modules[a.m as number];
        if (m == null) return null;
        return {
          expect: { ok: true },
          act: () => m.mod.dispose(),
          apply: () => {
            if (m.owner.closed === null && !m.owner.merged) m.owner.closed = "module disposed";
          },
        };
      }
      case "disposeCtx": {
        const c = this.#ctx(a.c as number);
        if (c === null) return null;
        return {
          expect: { ok: true },
          act: () => c.ctx.dispose(),
          apply: () => {
            if (!c.m.alive) return;
            c.m.alive = false;
            for (const n of c.m.byKey.values()) {
              const owner = n.kind === "result" ? null : n.owner;
              if (owner !== null && owner.closed === null && !owner.merged) owner.closed = "context disposed";
            }
            for (const m of this.modules) {
              if (m !== null && m.c === a.c && m.owner.closed === null && !m.owner.merged) m.owner.closed = "context disposed";
            }
          },
        };
      }
    }
    return null;
  }

  /**
   * The outcome of putting `op` into `block` at the index `at()` gives,
   * replicating the checks of ownership.ts in their order.
   */
  #insertion(block: MNode, op: MNode, at: () => number): { outcome: Outcome; apply?: () => void } {
    const dead = this.#dead(block) ?? this.#dead(op);
    if (dead !== null) return { outcome: dead };
    if (block.ctx !== op.ctx) return { outcome: { err: "StructuralError" } };
    const blockOp = block.op;
    if (blockOp !== null && isAncestor(op, blockOp)) return { outcome: { err: "StructuralError" } };
    const detached = op.parent === null;
    if (!detached && op.owner !== block.owner && (refersOutside(op) || usedOutside(op))) {
      return { outcome: { err: "StructuralError" } };
    }
    return {
      outcome: { ok: true },
      apply: () => {
        if (detached) {
          const owner = op.rootOwner!;
          owner.merged = true;
          op.rootOwner = null;
        } else {
          const from = op.block!.children;
          from.splice(from.indexOf(op), 1);
        }
        const i = Math.max(0, Math.min(at(), block.children.length));
        block.children.splice(i, 0, op);
        op.parent = block;
      },
    };
  }

  #fetch(a: Action): Step | null {
    const k = a.k as number;
    if (a.src === "m") {
      const m = this.modules[a.i as number];
      if (m == null) return null;
      const useBody = (a.how as number) % 2 === 0;
      const node = useBody ? m.root.children[0]!.children[0]! : m.root;
      return {
        expect: this.#dead(m.root) ?? { ok: true },
        act: () => (useBody ? m.mod.body : m.mod.operation),
        apply: (v) => this.#keep(v as AnyHandle, node),
      };
    }
    const s = this.#handle(a.i as number);
    if (s === null) return null;
    const dead = this.#dead(s.node);
    const n = s.node;
    const h = s.h;
    let act: () => AnyHandle | null | undefined;
    let target: () => MNode | null | undefined;
    if (h instanceof Operation) {
      switch (a.how as number) {
        case 0:
          act = () => h.regions.at(k % Math.max(1, n.children.length));
          target = () => n.children[k % Math.max(1, n.children.length)];
          break;
        case 1:
          act = () => h.results.at(k % Math.max(1, n.results.length));
          target = () => n.results[k % Math.max(1, n.results.length)];
          break;
        case 2:
          act = () => h.operands.at(k % Math.max(1, n.operands.length));
          target = () => n.operands[k % Math.max(1, n.operands.length)];
          break;
        case 3:
          act = () => h.parent;
          target = () => n.parentOp;
          break;
        case 4:
          act = () => h.block;
          target = () => n.block;
          break;
        default: {
          act = () => {
            const ops: Operation[] = [];
            h.walk((o) => void ops.push(o));
            return ops[k % ops.length];
          };
          target = () => {
            const ops = subtree(n).filter((x) => x.kind === "op");
            return ops[k % ops.length];
          };
        }
      }
    } else if (h instanceof Block) {
      const how = (a.how as number) % 3;
      if (how === 0) {
        act = () => h.operations.at(k % Math.max(1, n.children.length));
        target = () => n.children[k % Math.max(1, n.children.length)];
      } else if (how === 1) {
        act = () => h.arguments.at(k % Math.max(1, n.args.length));
        target = () => n.args[k % Math.max(1, n.args.length)];
      } else {
        act = () => h.parent;
        target = () => n.op;
      }
    } else if (h instanceof Region) {
      act = () => h.blocks.at(k % Math.max(1, n.children.length));
      target = () => n.children[k % Math.max(1, n.children.length)];
    } else {
      // A value: its defining op or block.
      act = () => (h as Value).owner;
      target = () => (n.kind === "result" ? n.parent : n.parent);
    }
    if (dead !== null) return { expect: dead, act };
    const expected = target();
    return {
      expect: { ok: true },
      act,
      apply: (v) => {
        const got = v as AnyHandle | null | undefined;
        if ((got ?? null) === null) {
          if ((expected ?? null) !== null) throw new Mismatch(`fetch gave nothing, the model has a ${expected!.kind}`);
          return;
        }
        if (expected == null) throw new Mismatch(`fetch gave a handle, the model has nothing`);
        if (got!.key !== expected.key && expected.kind !== "region") {
          throw new Mismatch(`fetch gave key ${got!.key}, the model expected ${expected.kind} ${expected.key}`);
        }
        this.#keep(got!, expected);
      },
    };
  }

  #create(a: Action): Step | null {
    const c = this.#ctx(a.c as number);
    if (c === null) return null;
    const how = a.how as number;
    const at = this.#handle(a.at as number);
    const withOperands = how === 4;
    const v = this.#handle(a.v as number);
    const w = this.#handle(a.w as number);
    if (withOperands && (v === null || w === null || !(v.h instanceof Value) || !(w.h instanceof Value))) return null;
    if (how > 0 && at === null) return null;
    // how: 0 detached constant; 1 at the end of a block; 2 before an op;
    // 3 at a block's terminator; 4 an addi of two values before an op.
    const atBlock = how === 1 || how === 3;
    if (how > 0 && (atBlock ? !(at!.h instanceof Block) : !(at!.h instanceof Operation))) return null;
    const ctx = c.ctx;
    const i32 = () => IntegerType.get(ctx, 32);
    const act = () => {
      const insertAt = how === 0
        ? undefined
        : how === 1
        ? InsertionPoint.atEnd(at!.h as Block)
        : how === 3
        ? InsertionPoint.atTerminator(at!.h as Block)
        : InsertionPoint.before(at!.h as Operation);
      return withOperands
        ? ctx.createOperation({ name: "arith.addi", operands: [v!.h as Value, w!.h as Value], inferResultTypes: true, insertAt })
        : ctx.createOperation({ name: "arith.constant", attributes: { value: IntegerAttr.get(i32(), 9) }, results: [i32()], insertAt });
    };
    // InsertionPoint.* check their block or op before the context is used.
    if (how > 0) {
      const dead = this.#dead(at!.node);
      if (dead !== null) return { expect: dead, act };
      if (!atBlock && at!.node.block === null) return { expect: { err: "ArgumentError" }, act };
    }
    if (!c.m.alive) return { expect: { err: "InvalidHandleError", reason: "context disposed" }, act };
    if (withOperands) {
      const dead = this.#dead(v!.node) ?? this.#dead(w!.node);
      if (dead !== null) return { expect: dead, act };
      if (v!.node.owner !== w!.node.owner) return { expect: { err: "StructuralError" }, act };
      if ((v!.h as Value).type.toString() !== "i32" || (w!.h as Value).type.toString() !== "i32") return null;
    }
    const block = how === 0 ? null : atBlock ? at!.node : at!.node.block!;
    if (block !== null && block.ctx !== c.m) return { expect: { err: "StructuralError" }, act };
    if (withOperands && block!.owner !== v!.node.owner) return { expect: { err: "StructuralError" }, act };
    if (how === 1 && block!.children.length > 0 && ["func.return", "scf.yield"].includes(block!.children.at(-1)!.name)) {
      return { expect: { err: "StructuralError" }, act };
    }
    return {
      expect: { ok: true },
      act,
      apply: (created) => {
        const op = created as Operation;
        const node = mirror(op, c.m, null);
        if (block === null) {
          node.rootOwner = new MOwner(c.m);
        } else {
          let i = block.children.length;
          if (how === 2 || how === 4) i = block.children.indexOf(at!.node);
          if (how === 3 && block.children.length > 0 && ["func.return", "scf.yield"].includes(block.children.at(-1)!.name)) {
            i = block.children.length - 1;
          }
          block.children.splice(i, 0, node);
          node.parent = block;
        }
        this.#keep(op, node);
      },
    };
  }

  /** Disposes every context (ends a sequence). */
  dispose(): void {
    for (const c of this.contexts) c?.ctx.dispose();
  }
}

/** What a callback may throw at the fuzzer's calls and still be right. */
function refused(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!KNOWN_ERRORS.includes((e as Error).constructor.name)) throw e;
  }
}

/** The registered canonicalize pass on `op`. */
function runCanonicalize(ctx: Context, target: () => Operation): Operation {
  using pm = ctx.passManager("canonicalize");
  const op = target();
  pm.run(op);
  return op;
}

/**
 * A TypeScript pass on `op`, doing by `mode`: 0 nothing; 1 throw; 2
 * signalFailure; 3 what it may not (dispose the module and the context, run
 * a pass manager on the IR, erase its own op), each refused; 4 erase an
 * unused constant inside its op; 5 walk everything, reading names.
 */
function runTsPass(ctx: Context, target: () => Operation, mod: Module | null, mode: number): Operation {
  using pm = ctx.passManager();
  pm.addPass((target, pass) => {
    if (mode === 1) throw new RangeError("fuzz");
    if (mode === 2) pass.signalFailure();
    if (mode === 3) {
      refused(() => mod?.dispose());
      refused(() => ctx.dispose());
      refused(() => {
        using inner = ctx.passManager("canonicalize");
        inner.run(target);
      });
      refused(() => target.erase());
    }
    if (mode === 4) {
      let dead: Operation | null = null;
      target.walk((o) => {
        if (dead === null && o.name === "arith.constant" && [...o.result.uses].length === 0) dead = o;
      });
      (dead as Operation | null)?.erase();
    }
    if (mode === 5) target.walk((o) => void o.name);
  });
  const op = target();
  pm.run(op);
  return op;
}

/**
 * TypeScript patterns applied greedily to `op` (no folding, few rewrites):
 * by `mode`, 0 no match; 1 claim a match and change nothing; 2 throw (on
 * func.return); 3 replace an addi by its first operand; 4 change IR around
 * the rewriter (refused) and dispose (refused); 5 erase constants through
 * the rewriter (refused while used).
 */
function runTsPatterns(ctx: Context, target: () => Operation, mod: Module | null, mode: number): Operation {
  const set = new RewritePatternSet(ctx);
  set.add("func.return", () => {
    if (mode === 2) throw new RangeError("fuzz");
    return false;
  });
  set.add("arith.addi", (o, rewriter) => {
    if (mode === 1) return true;
    if (mode === 3) {
      rewriter.replaceOp(o, [o.operands.at(0)!]);
      return true;
    }
    if (mode === 4) {
      refused(() => o.erase());
      refused(() => mod?.dispose());
      refused(() => ctx.dispose());
    }
    return false;
  });
  set.add("arith.constant", (o, rewriter) => {
    if (mode !== 5) return false;
    let erased = false;
    refused(() => {
      rewriter.eraseOp(o);
      erased = true;
    });
    return erased;
  });
  using frozen = set.freeze();
  const op = target();
  applyPatternsGreedily(op, frozen, { enableFolding: false, maxNumRewrites: 200 });
  return op;
}
