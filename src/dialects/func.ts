/**
 * The `func` dialect: the generated op classes and builders, with the
 * conveniences of upstream's Python extension (`dialects/func.py`): a
 * `FuncOp` that adds its entry block from its function type and names its
 * arguments and type, and `func` taking a visibility.
 *
 * @example
 * ```ts
 * import { Context, FunctionType, IntegerType, InsertionPoint } from "../mod.ts";
 * import * as func from "./func.ts";
 * using ctx = new Context();
 * using mod = ctx.createModule();
 * const i32 = IntegerType.get(ctx, 32);
 * const f = func.func("id", FunctionType.get(ctx, [i32], [i32]), { ip: InsertionPoint.atEnd(mod.body) });
 * const entry = f.addEntryBlock();
 * func.return_([entry.arguments.at(0)!], { ip: InsertionPoint.atEnd(entry) });
 * console.log(mod.body.operations.at(0)!.opview instanceof func.FuncOp); // true
 * ```
 *
 * @module
 */
import { StructuralError } from "../base/errors.ts";
import type { Attribute } from "../ir/attribute.ts";
import { TypeAttr } from "../ir/attributes/scalar.ts";
import type { Block } from "../ir/block.ts";
import { FunctionType } from "../ir/types/composite.ts";
import type { Type } from "../ir/type.ts";
import type { BlockArgument } from "../ir/value.ts";
import { FuncOp as GeneratedFuncOp } from "./generated/func.ts";
import * as $ from "./support/mod.ts";

export * from "./generated/func.ts";

/** `func.func`, with its entry block and arguments. */
export class FuncOp extends GeneratedFuncOp {
  /** Its function type. */
  get type(): FunctionType {
    const t = this.functionType;
    const type = t instanceof TypeAttr ? t.value : null;
    if (!(type instanceof FunctionType)) throw new StructuralError(`'${this.operation.name}' has no function type.`);
    return type;
  }

  /** True when it has no body (a declaration). */
  get isExternal(): boolean {
    return this.body.blocks.length === 0;
  }

  /** Its entry block (StructuralError for a declaration). */
  get entryBlock(): Block {
    const b = this.body.blocks.at(0);
    if (b === undefined) throw new StructuralError(`'${this.operation.name}' is a declaration: it has no entry block.`);
    return b;
  }

  /** The entry block's arguments. */
  get arguments(): BlockArgument[] {
    return this.entryBlock.arguments.toArray();
  }

  /** Adds the entry block, with one argument per input of its type (StructuralError if it has one). */
  addEntryBlock(): Block {
    if (!this.isExternal) throw new StructuralError(`'${this.operation.name}' already has an entry block.`);
    const inputs = this.type.inputs;
    return this.body.appendBlock(inputs, inputs.map(() => this.location));
  }
}
$.registerOpView(FuncOp);

/**
 * Builds `func.func @name` of `type` (a FunctionType, or a TypeAttr of one),
 * with no body yet: add one with `addEntryBlock()`.
 */
export function func(
  name: string | Attribute,
  type: Type | Attribute,
  options: {
    symVisibility?: "public" | "private" | "nested" | Attribute;
    argAttrs?: Attribute;
    resAttrs?: Attribute;
    noInline?: boolean | Attribute;
  } & $.BuildOptions = {},
): FuncOp {
  return new FuncOp(
    $.buildOp(FuncOp as unknown as $.SchemaClass, {
      results: [],
      operands: [],
      attributes: {
        sym_name: name,
        function_type: type,
        sym_visibility: options?.symVisibility,
        arg_attrs: options?.argAttrs,
        res_attrs: options?.resAttrs,
        no_inline: options?.noInline,
      },
    }, options),
  );
}
