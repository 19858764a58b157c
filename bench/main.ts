/**
 * The benchmark suite: `bun bench` (or `deno task bench`).
 *
 * @module
 */
import { run } from "mitata";
import { Context } from "../src/mod.ts";
import { ffiRepresentationBenches } from "./ffi_repr.bench.ts";

const ctx = new Context();
using mod = ctx.parseModule("func.func private @f()");
ffiRepresentationBenches(mod.operation.unsafePointer);
await run();
