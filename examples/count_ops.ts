/**
 * Counts the operations of an MLIR file by dialect (and, with --ops, by
 * operation), reading the file or standard input.
 *
 *   bun examples/count_ops.ts input.mlir
 *   cat input.mlir | deno run -P examples/count_ops.ts --ops -
 *
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { Context, MlirError, STRATEGIES, type StrategyName } from "../src/mod.ts";

const HELP = `Usage: count_ops [options] [FILE | -]

Counts the operations in an MLIR file (text or bytecode) by dialect.
Reads standard input when FILE is - or missing.

Options:
  --ops                  also count each operation name
  --strategy NAME        handle strategy: ${STRATEGIES.join(", ")}
  --allow-unregistered   accept operations of unregistered dialects
  -h, --help             show this help`;

function main(argv: string[]): number {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(HELP);
    return 0;
  }
  const strategyAt = argv.indexOf("--strategy");
  const strategy = strategyAt >= 0 ? (argv[strategyAt + 1] as StrategyName) : undefined;
  const files = argv.filter((a, i) => (a === "-" || !a.startsWith("-")) && (strategyAt < 0 || i !== strategyAt + 1));
  if (files.length > 1) {
    console.error(`count_ops: one file at a time, got ${files.length}.\n\n${HELP}`);
    return 2;
  }
  const file = files[0] ?? "-";
  let source: Uint8Array;
  try {
    source = readFileSync(file === "-" ? 0 : file);
  } catch (e) {
    console.error(`count_ops: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }

  try {
    using ctx = new Context({ strategy, allowUnregisteredDialects: argv.includes("--allow-unregistered") });
    using mod = ctx.parseModule(source, { filename: file === "-" ? "<stdin>" : file });
    const byDialect = new Map<string, number>();
    const byOp = new Map<string, number>();
    let total = 0;
    mod.operation.walk((op) => {
      total++;
      const name = op.name;
      const dialect = name.slice(0, name.indexOf("."));
      byDialect.set(dialect, (byDialect.get(dialect) ?? 0) + 1);
      byOp.set(name, (byOp.get(name) ?? 0) + 1);
    });
    const table = (counts: Map<string, number>) =>
      [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name, n]) => `${String(n).padStart(8)}  ${name}`).join("\n");
    console.log(`${String(total).padStart(8)}  operations\n${table(byDialect)}`);
    if (argv.includes("--ops")) console.log(`\n${table(byOp)}`);
    return 0;
  } catch (e) {
    // MLIR's diagnostics are in the message, with file, line and column.
    if (e instanceof MlirError) {
      console.error(`count_ops: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
