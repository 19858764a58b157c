/**
 * The IR work each thread does: parse, walk, erase, clone, canonicalize,
 * print, and provoke errors (diagnostics are per context). Returns a digest
 * that is the same wherever it runs.
 *
 * @module
 */
import { BlockArgument, Context, MlirParseError, OpResult, type StrategyName } from "../../src/mod.ts";

function source(functions: number): string {
  let text = "";
  for (let i = 0; i < functions; i++) {
    text += `func.func @f${i}(%a: i32) -> i32 {
  %c = arith.constant ${i} : i32
  %z = arith.constant 0 : i32
  %0 = arith.addi %a, %c : i32
  %1 = arith.addi %0, %z : i32
  return %1 : i32
}
`;
  }
  return text;
}

/** What one round saw. */
export interface Digest {
  readonly ops: number;
  /** Over every operand: block arguments, results, and the length of each result's owner's name. */
  readonly operands: readonly [number, number, number];
  readonly erased: number;
  readonly canonicalizedLength: number;
  readonly diagnosticLines: number[];
}

/** Runs `rounds` rounds in a fresh context and returns the last round's digest. */
export function workload(strategy: StrategyName, functions: number, rounds: number): Digest {
  let digest: Digest | undefined;
  for (let round = 0; round < rounds; round++) {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(source(functions));
    let ops = 0;
    // Operands are read through a per-thread native mailbox: workers reading
    // at once must each see their own.
    const operands: [number, number, number] = [0, 0, 0];
    mod.operation.walk((op) => {
      ops++;
      for (const v of op.operands) {
        if (v instanceof BlockArgument) operands[0] += 1 + v.argNumber;
        else if (v instanceof OpResult) (operands[1] += 1 + v.resultNumber), (operands[2] += v.owner.name.length);
      }
    });
    // Clone the first function, count what the clone holds, erase it.
    const copy = mod.body.operations.at(0)!.clone();
    let erased = 0;
    copy.walk(() => void erased++);
    copy.erase();
    using pm = ctx.passManager("builtin.module(canonicalize)");
    pm.run(mod);
    const canonicalizedLength = mod.toString().length;
    let diagnosticLines: number[] = [];
    try {
      ctx.parseModule("func.func @bad() {\n  %x = arith.addi %y, %y : i32\n}", { filename: "bad.mlir" });
    } catch (e) {
      if (!(e instanceof MlirParseError)) throw e;
      diagnosticLines = e.diagnostics.map((d) => d.line ?? -1);
    }
    digest = { ops, operands, erased, canonicalizedLength, diagnosticLines };
  }
  return digest!;
}
