/**
 * Benchmark inputs, generated at run time (never committed) at any size.
 *
 * @module
 */
import { Context, type StrategyName } from "../src/mod.ts";

/**
 * What runs a workload: the native floor, raw FFI, or a strategy. (What the
 * safety checks cost is measured apart, in the same classes with the checks
 * compiled out: bench/check_cost.ts.)
 */
export type Variant = "native" | "raw" | StrategyName;

/** Every variant, in report order. */
export const VARIANTS: readonly Variant[] = [
  "native",
  "raw",
  "interned",
  "weak",
  "ephemeral",
];

/** Operations per generated function: func.func, 8 arith ops, func.return. */
export const OPS_PER_FUNCTION = 10;

/**
 * A module of about `ops` operations: functions of eight arithmetic ops,
 * some of which canonicalize folds (`x * 1`).
 */
export function functionsModule(ops: number): string {
  const parts: string[] = [];
  for (let i = 0; i < Math.max(1, Math.round(ops / OPS_PER_FUNCTION)); i++) {
    parts.push(`func.func @f${i}(%a: i32, %b: i32) -> i32 {
  %c = arith.constant 1 : i32
  %0 = arith.addi %a, %b : i32
  %1 = arith.muli %0, %c : i32
  %2 = arith.subi %1, %a : i32
  %3 = arith.addi %2, %c : i32
  %4 = arith.xori %3, %b : i32
  %5 = arith.addi %4, %4 : i32
  %6 = arith.andi %5, %a : i32
  return %6 : i32
}`);
  }
  return parts.join("\n");
}

/** One function whose body is `ops` unused constants (for erasing). */
export function constantsModule(ops: number): string {
  const body = Array.from({ length: ops }, (_, i) => `  %c${i} = arith.constant ${i} : i32\n`).join("");
  return `func.func @consts() {\n${body}  return\n}`;
}

/** A context for a variant (raw and native use an interned one for parsing). */
export function contextFor(variant: Variant): Context {
  return new Context({ strategy: variant === "native" || variant === "raw" ? "ephemeral" : variant });
}

const sources = new Map<string, string>();

/** Generated source text, cached per (kind, size). */
export function source(kind: "functions" | "constants", ops: number): string {
  const key = `${kind}:${ops}`;
  let text = sources.get(key);
  if (text === undefined) {
    text = kind === "functions" ? functionsModule(ops) : constantsModule(ops);
    sources.set(key, text);
  }
  return text;
}
