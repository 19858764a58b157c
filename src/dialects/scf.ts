/**
 * The `scf` dialect: the generated op classes and builders, with upstream's
 * Python conveniences (`dialects/scf.py`): `for_` creates the loop's body
 * block (induction variable, then one argument per iteration value) and
 * takes its result types from the initial values; `if_` creates the then
 * block and, when asked, the else block.
 *
 * @example
 * ```ts
 * import { Context, IndexType, InsertionPoint } from "../mod.ts";
 * import * as arith from "./arith.ts";
 * import * as scf from "./scf.ts";
 * using ctx = new Context();
 * using mod = ctx.createModule();
 * using _ = InsertionPoint.atEnd(mod.body).enter();
 * const index = IndexType.get(ctx);
 * const [lo, hi, step] = [0, 8, 1].map((n) => arith.constant(index, n));
 * const loop = scf.for_(lo!, hi!, step!);
 * scf.yield_([], { ip: InsertionPoint.atEnd(loop.bodyBlock) });
 * console.log(loop.inductionVar.type.toString()); // index
 * ```
 *
 * @module
 */
import type { Block } from "../ir/block.ts";
import type { Type } from "../ir/type.ts";
import type { BlockArgument, Value } from "../ir/value.ts";
import { ForOp as GeneratedForOp, IfOp as GeneratedIfOp } from "./generated/scf.ts";
import * as $ from "./support/mod.ts";

export * from "./generated/scf.ts";

/** `scf.for`, with its body block and its arguments named. */
export class ForOp extends GeneratedForOp {
  /** The body block (the region's only block). */
  get bodyBlock(): Block {
    return this.region.blocks.at(0)!;
  }

  /** The induction variable: the body block's first argument. */
  get inductionVar(): BlockArgument {
    return this.bodyBlock.arguments.at(0)!;
  }

  /** The loop-carried values inside the body: the block's other arguments. */
  get innerIterArgs(): BlockArgument[] {
    return this.bodyBlock.arguments.toArray().slice(1);
  }
}
$.registerOpView(ForOp);

/**
 * `scf.for %iv = lowerBound to upperBound step step iter_args(iterArgs)`,
 * with its body block created: one `index`-like induction variable (of the
 * bounds' type) and one argument per iteration value. End the body with
 * `scf.yield_`.
 */
export function for_(
  lowerBound: Value,
  upperBound: Value,
  step: Value,
  iterArgs: readonly Value[] = [],
  options: { unsignedCmp?: boolean } & $.BuildOptions = {},
): ForOp {
  const types: Type[] = iterArgs.map((v) => v.type);
  const loop = new ForOp(
    $.buildOp(ForOp, {
      results: [types],
      operands: [lowerBound, upperBound, step, iterArgs],
      attributes: { unsignedCmp: options?.unsignedCmp },
    }, options),
  );
  loop.region.appendBlock([lowerBound.type, ...types], [loop.location, ...types.map(() => loop.location)]);
  return loop;
}

/** `scf.if`, with its then and else blocks. */
export class IfOp extends GeneratedIfOp {
  /** The then block. */
  get thenBlock(): Block {
    return this.thenRegion.blocks.at(0)!;
  }

  /** The else block, or null when it has none. */
  get elseBlock(): Block | null {
    return this.elseRegion.blocks.at(0) ?? null;
  }
}
$.registerOpView(IfOp);

/** `scf.if condition`, with its then block created, and its else block when `withElse` (required with results). */
export function if_(
  condition: Value,
  options: { results?: readonly Type[]; withElse?: boolean } & $.BuildOptions = {},
): IfOp {
  const results = options?.results ?? [];
  const op = new IfOp($.buildOp(IfOp, { results: [results], operands: [condition] }, options));
  op.thenRegion.appendBlock();
  if (options?.withElse === true || results.length > 0) op.elseRegion.appendBlock();
  return op;
}
