/**
 * The builder signatures of MLIR's own Python generator, as the oracle for
 * ours: runs `mlir-tblgen -gen-python-op-bindings` for a dialect's .td files
 * and reads each generated builder function's parameters.
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";

/** One Python builder: its op and its parameters before and after `*`. */
export interface PythonBuilder {
  readonly op: string;
  readonly positional: readonly string[];
  readonly keyword: readonly string[];
}

/** Python's builders for `dialect`'s ops in `source` (include-relative), by op name. */
export function pythonBuilders(tblgen: string, include: string, source: string, dialect: string): Map<string, PythonBuilder> {
  const file = join(include, source);
  const text = execFileSync(tblgen, ["-gen-python-op-bindings", `-bind-dialect=${dialect}`, "-I", include, "-I", dirname(file), file], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const classOp = new Map<string, string>();
  for (const m of text.matchAll(/^class (\w+)\(_ods_ir\.OpView\):[\s\S]*?^ {2}OPERATION_NAME = "([^"]+)"/gm)) classOp.set(m[1]!, m[2]!);
  const out = new Map<string, PythonBuilder>();
  // `return XOp(...)`, `return XOp(...).result`, or `op = XOp(...); results = op.results` (variadic results).
  for (const m of text.matchAll(/^def (\w+)\(([^)]*)\)[^\n]*:\n {2}(?:return|op =) (\w+)\(/gm)) {
    const op = classOp.get(m[3]!);
    if (op === undefined) continue;
    const params = m[2]!.split(",").map((p) => p.trim().split("=")[0]!.trim()).filter((p) => p !== "");
    const star = params.indexOf("*");
    const positional = star < 0 ? params : params.slice(0, star);
    const keyword = star < 0 ? [] : params.slice(star + 1);
    out.set(op, { op, positional, keyword });
  }
  return out;
}
