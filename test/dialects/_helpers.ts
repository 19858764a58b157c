/**
 * What the ports of upstream's Python dialect tests share: one test per
 * strategy in a fresh context and module with an unknown location and the
 * module body entered (upstream's `with Context(), Location.unknown():` and
 * `with InsertionPoint(module.body):`), a stand-in for
 * `@func.FuncOp.from_py_func` built from the public builders, and an
 * in-order substring check that plays FileCheck's `CHECK:` lines.
 *
 * @module
 */
import { test } from "node:test";
import { assert, fail } from "@std/assert";
import {
  type Block,
  Context,
  FunctionType,
  InsertionPoint,
  Location,
  type Module,
  type Region,
  STRATEGIES,
  type Type,
  type Value,
} from "../../src/mod.ts";
import * as func from "../../src/dialects/func.ts";

/** What each test body gets. */
export interface Env {
  readonly ctx: Context;
  readonly mod: Module;
  readonly loc: Location;
}

/**
 * Registers `name` once per strategy (`<suite> [<strategy>] <name>`): a fresh
 * context and module, the unknown location and the module body entered.
 */
export function dialectTest(suite: string, name: string, fn: (env: Env) => void): void {
  for (const strategy of STRATEGIES) {
    test(`${suite} [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy });
      using mod = ctx.createModule();
      const loc = Location.unknown(ctx);
      using _l = loc.enter();
      using _ip = InsertionPoint.atEnd(mod.body).enter();
      fn({ ctx, mod, loc });
    });
  }
}

/**
 * `func.func @name(inputs) -> results` with its body built by `body` (at the
 * end of the entry block, given the arguments) and ended by `func.return`
 * of what `body` returns: what upstream's `@func.FuncOp.from_py_func` does.
 */
export function defineFunc(
  ctx: Context,
  name: string,
  inputs: readonly Type[],
  results: readonly Type[],
  body: (...args: Value[]) => readonly Value[] | void,
): func.FuncOp {
  const f = func.func(name, FunctionType.get(ctx, inputs, results));
  const entry = f.addEntryBlock();
  using _ = InsertionPoint.atEnd(entry).enter();
  func.return_(body(...f.arguments) ?? []);
  return f;
}

/**
 * Appends a block of `types` to `region` and builds its body with `body`
 * (given the block arguments), inserting at the block's end.
 */
export function buildBlock(region: Region, types: readonly Type[], body: (...args: Value[]) => void): Block {
  const loc = Location.current ?? Location.unknown(region.owner.context);
  const block = region.appendBlock(types, types.map(() => loc));
  using _ = InsertionPoint.atEnd(block).enter();
  body(...block.arguments.toArray());
  return block;
}

/**
 * FileCheck's `CHECK:` lines: each needle (a substring, or a pattern) must
 * occur in `text` after the previous one's match. Returns each match (for
 * patterns, the match array, so captured names can be checked later).
 */
export function assertInOrder(text: string, needles: readonly (string | RegExp)[]): RegExpExecArray[] {
  let at = 0;
  const matches: RegExpExecArray[] = [];
  for (const needle of needles) {
    if (typeof needle === "string") {
      const i = text.indexOf(needle, at);
      if (i < 0) fail(`expected ${JSON.stringify(needle)} after offset ${at} in:\n${text}`);
      const m = [needle] as unknown as RegExpExecArray;
      m.index = i;
      matches.push(m);
      at = i + needle.length;
    } else {
      const re = new RegExp(needle.source, needle.flags.includes("g") ? needle.flags : needle.flags + "g");
      re.lastIndex = at;
      const m = re.exec(text);
      if (m === null) fail(`expected ${needle} after offset ${at} in:\n${text}`);
      matches.push(m);
      at = m.index + m[0].length;
    }
  }
  assert(matches.length === needles.length);
  return matches;
}

/** `text` without `needle` anywhere (FileCheck's `CHECK-NOT`). */
export function assertNotIncludes(text: string, needle: string): void {
  if (text.includes(needle)) fail(`expected no ${JSON.stringify(needle)} in:\n${text}`);
}
