/**
 * Shared IR and helpers for the contract scenarios.
 *
 * @module
 */
import { type Block, Context, type Module, type Operation, type StrategyName } from "../../src/mod.ts";

/** A contract scenario: runs for one strategy, throws on any broken clause. */
export type Scenario = (strategy: StrategyName) => void | Promise<void>;

/** The module of the upstream bug report (llvm/llvm-project#92344). */
export const SEED = `module @my_module {
  func.func @my_func() {
    return
  }
}`;

/** Two functions with foldable arithmetic (canonicalize changes @f). */
export const ARITH = `func.func @f(%a: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %0 = arith.addi %c1, %c2 : i32
  %1 = arith.addi %0, %a : i32
  return %1 : i32
}
func.func @g() -> i32 {
  %c = arith.constant 7 : i32
  return %c : i32
}`;

/** A function whose body holds `n` independent constants. */
export function constants(n: number, name = "f"): string {
  const body = Array.from({ length: n }, (_, i) => `  %c${i} = arith.constant ${i} : i32\n`).join("");
  return `func.func @${name}() {\n${body}  return\n}`;
}

/** A new context for the strategy. */
export function context(strategy: StrategyName): Context {
  return new Context({ strategy });
}

/** The entry block of the n-th function of a module. */
export function funcBody(mod: Module, n = 0): Block {
  return mod.body.operations.at(n)!.regions.at(0)!.blocks.at(0)!;
}

/** Every operation nested in `root` (itself included), in pre-order. */
export function allOps(root: Operation): Operation[] {
  const ops: Operation[] = [];
  root.walk((op) => {
    ops.push(op);
  });
  return ops;
}

/** The first operation named `name` under `root`. */
export function find(root: Operation, name: string): Operation {
  let found: Operation | undefined;
  root.walk((op) => {
    if (op.name === name) {
      found = op;
      return "interrupt";
    }
  });
  if (found === undefined) throw new Error(`no ${name} under ${root.name}`);
  return found;
}
