/**
 * The fuzzer's model: a plain TypeScript mirror of the IR the fuzzer holds,
 * and the rules of docs/CONTRACT.md written down independently of the binding's
 * ledger. For every call it predicts what must happen (a value, an
 * InvalidHandleError with its reason, or another typed error).
 *
 * The structure of parsed, cloned and pass-rewritten IR is read from the
 * binding right after it is made (`mirror`): the model's job is ownership,
 * validity and structural rules, not re-implementing MLIR's passes.
 *
 * @module
 */
import { type InvalidReason, Operation, type Value } from "../../src/mod.ts";

/** What a handle or module refers to. */
export type NodeKind = "op" | "block" | "arg" | "result" | "region";

/** A context of the model. */
export class MContext {
  alive = true;
  /** Live value/op/block nodes by their native key. */
  readonly byKey = new Map<number, MNode>();
  constructor(readonly id: number) {}
}

/** An owner: a module or a detached operation's subtree. */
export class MOwner {
  closed: InvalidReason | null = null;
  rootReason: InvalidReason | null = null;
  merged = false;
  constructor(readonly ctx: MContext) {}
}

/** One IR object. */
export class MNode {
  /** Ops: name; func.func and named modules: also its symbol. */
  name = "";
  symbol: string | null = null;
  parent: MNode | null = null;
  /** op → regions, region → blocks, block → ops (in order). */
  children: MNode[] = [];
  /** block → arguments. */
  args: MNode[] = [];
  /** op → results. */
  results: MNode[] = [];
  /** op → the values it uses. */
  operands: MNode[] = [];
  /** Set when the node itself was freed (erase, pass run). */
  dead: InvalidReason | null = null;
  /** For a root operation (module or detached): its owner. */
  rootOwner: MOwner | null = null;
  key = 0;

  constructor(readonly kind: NodeKind, readonly ctx: MContext) {}

  /** The operation whose region, result or (nested) block this is. */
  get op(): MNode | null {
    if (this.kind === "op") return this;
    if (this.kind === "result" || this.kind === "region") return this.parent;
    if (this.kind === "arg") return this.parent?.parent?.parent ?? null; // arg → block → region → op
    return this.parent?.parent ?? null; // block → region → op
  }

  /** The containing operation (for an op: its parent op). */
  get parentOp(): MNode | null {
    if (this.kind !== "op") return this.op;
    return this.parent?.parent?.parent ?? null; // op → block → region → op
  }

  /** The block an op is in. */
  get block(): MNode | null {
    return this.kind === "op" ? this.parent : null;
  }

  /** The topmost operation above (or at) this node. */
  get root(): MNode {
    let op = this.kind === "op" ? this : this.op;
    // A detached block has no op; blocks are never detached here.
    while (op!.parentOp !== null) op = op!.parentOp;
    return op!;
  }

  /** The owner the node lives in now. */
  get owner(): MOwner {
    return this.root.rootOwner!;
  }
}

/** Why using `node` now fails, or null if it is valid. */
export function reasonOf(node: MNode): InvalidReason | null {
  // Results and regions live exactly as long as their operation.
  if (node.kind === "result" || node.kind === "region") return reasonOf(node.parent!);
  if (node.dead !== null) return node.dead;
  // Dead ancestors free everything inside.
  for (let p = node.kind === "op" ? node.parentOp : node.op; p !== null; p = p.parentOp) {
    if (p.dead !== null) return "parent erased";
  }
  const owner = node.owner;
  if (owner.closed !== null) return node.root === node && owner.rootReason !== null ? owner.rootReason : owner.closed;
  if (!node.ctx.alive) return "context disposed";
  return null;
}

/** Every op, block and argument node in the subtree of `op`, itself first. */
export function subtree(op: MNode): MNode[] {
  const out: MNode[] = [];
  const visit = (n: MNode) => {
    out.push(n);
    if (n.kind === "op") for (const r of n.children) for (const b of r.children) visit(b);
    else if (n.kind === "block") {
      out.push(...n.args);
      for (const o of n.children) visit(o);
    }
  };
  visit(op);
  return out;
}

/** Whether `ancestor` is `op` or contains it. */
export function isAncestor(ancestor: MNode, op: MNode | null): boolean {
  for (let o = op; o !== null; o = o.parentOp) if (o === ancestor) return true;
  return false;
}

function definingOp(value: MNode): MNode | null {
  return value.kind === "result" ? value.parent : value.op;
}

function allOps(ctx: MContext): MNode[] {
  return [...ctx.byKey.values()].filter((n) => n.kind === "op" && reasonOf(n) === null);
}

/** Whether a value defined in `op`'s subtree is used outside it. */
export function usedOutside(op: MNode): boolean {
  const inside = new Set(subtree(op));
  const defined = new Set<MNode>();
  for (const n of inside) {
    if (n.kind === "op") n.results.forEach((r) => defined.add(r));
    if (n.kind === "arg") defined.add(n);
  }
  for (const user of allOps(op.ctx)) {
    if (inside.has(user)) continue;
    if (user.operands.some((v) => defined.has(v))) return true;
  }
  return false;
}

/** Whether `op`'s subtree uses a value defined outside it. */
export function refersOutside(op: MNode): boolean {
  for (const n of subtree(op)) {
    if (n.kind !== "op") continue;
    for (const v of n.operands) {
      const def = definingOp(v);
      if (def === null || !isAncestor(op, def)) return true;
    }
  }
  return false;
}

/**
 * Whether MLIR's clone of `op` would leave an operand referring to the
 * original: it replays Operation::clone and Region::cloneInto (map a
 * region's block arguments, then create its ops and map their results,
 * then set each op's operands and clone its regions, in order), and finds
 * an operand defined inside `op` that is not mapped yet when it is set.
 */
export function cloneRefersToOriginal(op: MNode): boolean {
  const inside = new Set<MNode>();
  for (const n of subtree(op)) {
    if (n.kind === "op") n.results.forEach((r) => inside.add(r));
    if (n.kind === "arg") inside.add(n);
  }
  const mapped = new Set<MNode>();
  const unmapped = (o: MNode) => o.operands.some((v) => inside.has(v) && !mapped.has(v));
  if (unmapped(op)) return true;
  op.results.forEach((r) => mapped.add(r));
  const cloneRegion = (region: MNode): boolean => {
    for (const b of region.children) b.args.forEach((a) => mapped.add(a));
    for (const b of region.children) for (const o of b.children) o.results.forEach((r) => mapped.add(r));
    for (const b of region.children) {
      for (const o of b.children) {
        if (unmapped(o)) return true;
        if (o.children.some(cloneRegion)) return true;
      }
    }
    return false;
  };
  return op.children.some(cloneRegion);
}

const TERMINATORS = new Set(["func.return", "scf.yield"]);
const NEEDS_TERMINATOR = new Set(["func.func", "scf.for"]);
const ISOLATED = new Set(["func.func", "builtin.module"]);

/** Regions whose blocks need no dominance (graph regions). */
const GRAPH = new Set(["builtin.module"]);

/**
 * Whether `v` dominates its use by `user`, as MLIR's DominanceInfo decides:
 * walk the user up to the block that defines `v`; there an argument always
 * dominates, and in a graph region so does any op; otherwise the defining
 * op must come first.
 */
function dominates(v: MNode, user: MNode): boolean {
  const def = v.kind === "result" ? v.parent! : null;
  const defBlock = def !== null ? def.block : v.parent;
  if (defBlock === null) return false;
  for (let at: MNode | null = user; at !== null; at = at.parentOp) {
    const block = at.block;
    if (block === null) return false;
    if (block !== defBlock) continue;
    if (def === null || GRAPH.has(block.op?.name ?? "")) return true;
    return block.children.indexOf(def) < block.children.indexOf(at);
  }
  return false;
}

/** The operation a value is defined in or by (a block argument: its block's op). */
function definer(v: MNode): MNode | null {
  return v.kind === "result" ? v.parent : v.op;
}

/** What MLIR's verifier would say about `op` and everything in it: true if valid. */
export function verifies(op: MNode): boolean {
  for (const n of subtree(op)) {
    if (n.kind === "block") {
      const ops = n.children;
      const owner = n.op!;
      ops.forEach((o, i) => {
        if (TERMINATORS.has(o.name) && i !== ops.length - 1) throw new Invalid();
      });
      if (NEEDS_TERMINATOR.has(owner.name) && (ops.length === 0 || !TERMINATORS.has(ops.at(-1)!.name))) throw new Invalid();
      if (owner.name === "builtin.module") {
        const symbols = ops.filter((o) => o.symbol !== null).map((o) => o.symbol);
        if (new Set(symbols).size !== symbols.length) throw new Invalid();
      }
      continue;
    }
    if (n.kind !== "op") continue;
    // A symbol's parent must be a symbol table (of the ops here, a module).
    if (n.symbol !== null && n.parentOp !== null && n.parentOp.name !== "builtin.module") throw new Invalid();
    if (n.name === "func.func" && n.parentOp !== null && n.parentOp.name !== "builtin.module") throw new Invalid();
    // A terminator verifies that it ends its block.
    if (TERMINATORS.has(n.name) && n.block !== null && n.block.children.at(-1) !== n) throw new Invalid();
    // Terminators name their parent (HasParent / ParentOneOf).
    if (n.name === "func.return" && n.parentOp?.name !== "func.func") throw new Invalid();
    if (n.name === "scf.yield" && n.parentOp?.name !== "scf.for") throw new Invalid();
    // Dominance is checked for uses inside the verified op, not for its own operands.
    if (n !== op) for (const v of n.operands) if (!dominates(v, n)) throw new Invalid();
    // An isolated op (itself verified here) may not use values from outside it.
    if (ISOLATED.has(n.name)) {
      for (const m of subtree(n)) {
        if (m === n || m.kind !== "op") continue;
        for (const v of m.operands) {
          const d = definer(v);
          if (d === null || !isAncestor(n, d)) throw new Invalid();
        }
      }
    }
  }
  return true;
}

class Invalid extends Error {}

/** `verifies`, as a boolean. */
export function isValidIR(op: MNode): boolean {
  try {
    return verifies(op);
  } catch (e) {
    if (e instanceof Invalid) return false;
    throw e;
  }
}

/**
 * Whether a value or block argument defined strictly inside `op` is used by
 * a live op outside it: invalid IR that verifying `op` alone misses, refused
 * as a pass or driver target (src/passes/transform_target.ts).
 */
export function nestedUsedOutside(op: MNode): boolean {
  const inside = new Set(subtree(op));
  for (const n of op.ctx.byKey.values()) {
    if (n.kind !== "op" || n.dead !== null || inside.has(n)) continue;
    for (const v of n.operands) {
      if (v.kind === "result" && v.parent === op) continue;
      if (v.parent !== null && inside.has(v.parent)) return true;
    }
  }
  return false;
}

/** Forgets the keys of nodes that are gone, so a reused address maps to its new object. */
export function forget(nodes: MNode[]): void {
  for (const n of nodes) {
    for (const m of [n, ...n.results]) if (m.ctx.byKey.get(m.key) === m) m.ctx.byKey.delete(m.key);
  }
}

/** Marks `op`'s subtree freed: `op` with `rootReason`, the rest with `nestedReason`. */
export function kill(op: MNode, rootReason: InvalidReason, nestedReason: InvalidReason, includeRoot = true): void {
  const nodes = subtree(op);
  for (const n of nodes) {
    if (n === op && !includeRoot) continue;
    if (n.dead === null) n.dead = n === op ? rootReason : nestedReason;
  }
  forget(includeRoot ? nodes : nodes.slice(1));
}

/** Builds model nodes for a live operation read from the binding (its subtree included). */
export function mirror(op: Operation, ctx: MContext, parent: MNode | null): MNode {
  const pending: [MNode, Operation][] = [];
  // A result, region, block or argument node; all but regions are found by key.
  const child = (kind: MNode["kind"], of: MNode, key: MNode["key"], indexed: boolean): MNode => {
    const n = new MNode(kind, ctx);
    n.parent = of;
    n.key = key;
    if (indexed) ctx.byKey.set(key, n);
    return n;
  };
  const build = (real: Operation, parentBlock: MNode | null): MNode => {
    const node = new MNode("op", ctx);
    node.name = real.name;
    node.key = real.key;
    node.parent = parentBlock;
    if (node.name === "func.func" || node.name === "builtin.module") node.symbol = real.symbolName;
    ctx.byKey.set(node.key, node);
    for (const r of real.results) node.results.push(child("result", node, r.key, true));
    for (const region of real.regions) {
      const reg = child("region", node, region.key, false);
      node.children.push(reg);
      for (const block of region.blocks) {
        const b = child("block", reg, block.key, true);
        reg.children.push(b);
        for (const arg of block.arguments) b.args.push(child("arg", b, arg.key, true));
        for (const nested of block.operations) b.children.push(build(nested, b));
      }
    }
    pending.push([node, real]);
    return node;
  };
  const root = build(op, parent);
  // The greedy driver's folder may put constants outside the target (in the
  // nearest region isolated from above): ops the model has not seen, in a
  // block it knows. They are mirrored where they stand.
  const outside = (v: Value): MNode | undefined => {
    const def = v.owner;
    if (!(def instanceof Operation) || ctx.byKey.has(def.key)) return undefined;
    const block = def.block;
    const blockNode = block === null ? undefined : ctx.byKey.get(block.key);
    if (block === null || blockNode === undefined || blockNode.kind !== "block") return undefined;
    const index = block.operations.toArray().findIndex((o) => o.key === def.key);
    blockNode.children.splice(Math.min(index, blockNode.children.length), 0, build(def, blockNode));
    return ctx.byKey.get(v.key);
  };
  for (let i = 0; i < pending.length; i++) {
    const [node, real] = pending[i]!;
    node.operands = real.operands.toArray().map((v) => {
      const found = ctx.byKey.get(v.key) ?? outside(v);
      if (found === undefined) throw new Error(`model: operand ${v.key} of ${node.name} is unknown`);
      return found;
    });
  }
  return root;
}

/** Replaces the contents of `op`'s regions by what the binding now has (after a pass run). */
export function remirrorRegions(op: MNode, real: Operation): void {
  kill(op, "invalidated by pass run", "invalidated by pass run", false);
  const fresh = mirror(real, op.ctx, op.parent);
  forget([fresh]);
  fresh.key = op.key;
  op.ctx.byKey.set(op.key, op);
  // Keep the op and its region nodes (handles to them stay valid); take the new blocks.
  op.children.forEach((reg, i) => {
    reg.children = fresh.children[i]!.children;
    for (const b of reg.children) b.parent = reg;
  });
  op.results.forEach((r) => op.ctx.byKey.set(r.key, r));
}
