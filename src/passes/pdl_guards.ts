/**
 * Making a PDL module safe to compile and run, on the PDLModule's own copy.
 *
 * PDL's interpreter trusts the pattern in ways that crash on ordinary
 * mistakes: `pdl.erase` of an op whose results are still used, `pdl.replace`
 * with the wrong number of values or with the op's own results, and, in a
 * rewrite, `pdl.result N of %op` past the op's results (a null value, then
 * used). So before compiling:
 * - each `pdl.erase` and `pdl.replace` becomes a call of a native rewrite
 *   that checks first (native/src/callbacks.c, "guarded PDL rewrites") and
 *   refuses with a diagnostic; the driver's caller then throws;
 * - a replacement given as a range, whose size the C API cannot check, is
 *   refused, as is a result taken in a rewrite that the pattern does not
 *   show exists (an index within the op's explicit result types).
 *
 * @module
 */
import { ArgumentError } from "../base/errors.ts";
import { StringAttr } from "../ir/attributes/scalar.ts";
import { createOperation } from "../ir/create_operation.ts";
import { stateOf } from "../ir/context_state.ts";
import { InsertionPoint } from "../ir/insertion_point.ts";
import type { Operation } from "../ir/operation.ts";
import type { Context } from "../context.ts";

/** The native rewrites that stand in for PDL's own (names reserved). */
export const GUARDED = { erase: "__mlirffi_erase", replaceOp: "__mlirffi_replace_op", replaceValues: "__mlirffi_replace_values" } as const;

/** Function names users may not register or call: the guarded rewrites'. */
export const RESERVED_PREFIX = "__mlirffi_";

function refuse(what: string, got: string): never {
  throw new ArgumentError({ argument: "PDLModule's module", expected: what, got });
}

function insideRewrite(op: Operation): boolean {
  for (let p = op.parent; p !== null; p = p.parent) if (p.name === "pdl.rewrite") return true;
  return false;
}

/** Sizes of an op's operand groups, from its operandSegmentSizes. */
function segments(op: Operation): number[] {
  const text = op.attributes.get("operandSegmentSizes")?.toString() ?? "";
  return (text.match(/-?\d+/g) ?? []).slice(1).map(Number);
}

/** Whether `N` is within the explicit, non-range result types of the `pdl.operation` defining `value`'s op. */
function resultShown(resultOp: Operation): boolean {
  const index = Number((resultOp.attributes.get("index") as { value?: unknown } | undefined)?.value ?? -1);
  const source = resultOp.operands.at(0)!.owner;
  if (!("name" in source) || source.name !== "pdl.operation") return false;
  const [values = 0, attrs = 0, types = 0] = segments(source);
  for (let i = values + attrs; i < values + attrs + types; i++) {
    if (source.operands.at(i)!.type.toString() !== "!pdl.type") return false;
  }
  return index >= 0 && index < types;
}

/** Rewrites `copy` (a PDL module, verified) in place as the module comment says. */
export function guardPDL(ctx: Context, copy: Operation): void {
  const state = stateOf(copy._owner);
  const replaceBy: { op: Operation; name: string }[] = [];
  copy.walk((op) => {
    switch (op.name) {
      case "pdl.erase":
        replaceBy.push({ op, name: GUARDED.erase });
        break;
      case "pdl.replace": {
        const rest = [...op.operands].slice(1);
        const kinds = rest.map((v) => v.type.toString());
        if (kinds.some((k) => k.startsWith("!pdl.range"))) {
          refuse("pdl.replace with single values (the C API cannot check the size of a range)", kinds.join(", "));
        }
        const byOp = kinds.length === 1 && kinds[0] === "!pdl.operation";
        replaceBy.push({ op, name: byOp ? GUARDED.replaceOp : GUARDED.replaceValues });
        break;
      }
      case "pdl.result":
        if (insideRewrite(op) && !resultShown(op)) {
          refuse("in a rewrite, only results of a pdl.operation that lists its result types (a result past them would be null)", op.print());
        }
        break;
      case "pdl.results":
        if (insideRewrite(op) && op.attributes.get("index") !== undefined) {
          refuse("in a rewrite, pdl.results without an index (a group past the op's would be null)", op.print());
        }
        break;
    }
  });
  for (const { op, name } of replaceBy) {
    createOperation(state, {
      name: "pdl.apply_native_rewrite",
      operands: [...op.operands],
      attributes: { name: StringAttr.get(ctx, name) },
      location: op.location,
      insertAt: InsertionPoint.before(op),
    });
    op.erase();
  }
}
