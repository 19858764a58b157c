/**
 * Renames a symbol (a function, a global, ...) and every use of it in an
 * MLIR file, then prints the result.
 *
 *   bun examples/rename_symbol.ts input.mlir old_name new_name
 *
 * @module
 */
import process from "node:process";
import { readFileSync } from "node:fs";
import { Context, MlirError, SymbolTable } from "../src/mod.ts";

const [file, from, to] = process.argv.slice(2);
if (file === undefined || from === undefined || to === undefined || file === "--help") {
  console.log("Usage: rename_symbol FILE OLD_NAME NEW_NAME\n\nRenames the symbol @OLD_NAME of FILE's top level, and every use, to @NEW_NAME.");
  process.exit(file === "--help" ? 0 : 2);
}

try {
  using ctx = new Context();
  using mod = ctx.parseModule(readFileSync(file, "utf8"), { filename: file });
  const symbols = new SymbolTable(mod.operation);
  const op = symbols.get(from);
  if (op === undefined) {
    console.error(`rename_symbol: ${file} has no symbol @${from} at its top level.`);
    process.exit(1);
  }
  if (symbols.has(to)) {
    console.error(`rename_symbol: ${file} already has a symbol @${to}.`);
    process.exit(1);
  }
  // Renames the definition and rewrites every reference under the module.
  symbols.rename(op, to);
  mod.verify();
  console.log(mod.toString());
} catch (e) {
  if (!(e instanceof MlirError)) throw e;
  console.error(`rename_symbol: ${e.message}`);
  process.exit(1);
}
