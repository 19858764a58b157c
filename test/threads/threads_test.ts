/**
 * Threads: workers with their own contexts work at once, each like the
 * main thread would; IR objects cannot be handed to another thread. Runs
 * in a child process, so a crash fails the test and not the runner.
 *
 * @module
 */
import { test } from "node:test";
import { assertEquals } from "@std/assert";
import { describeChild, runChild } from "../_child.ts";

const WORKER = new URL("./_worker.ts", import.meta.url).href;
const WORKLOAD = new URL("./_workload.ts", import.meta.url).href;

/**
 * Child code defining \`newWorker(url)\`: a web Worker on Bun and Deno; on
 * Node, which has none, a worker_threads Worker behind the same few members,
 * which registers tsx first so that it runs TypeScript too.
 */
const NEW_WORKER = `
  const { Worker: NodeWorker } = await import("node:worker_threads");
  const newWorker = (url) => {
    if (globalThis.Worker !== undefined) return new Worker(url, { type: "module" });
    // A worker does not run the parent's --import of tsx's loader (Node 20):
    // it registers tsx's hooks itself, found beside that loader, then imports the file.
    const loader = process.execArgv[process.execArgv.indexOf("--import") + 1];
    const api = new URL("./esm/api/index.mjs", loader).href;
    const boot = \`import(\${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(\${JSON.stringify(url)}); });\`;
    const w = new NodeWorker(boot, { eval: true });
    return {
      postMessage: (m) => w.postMessage(m),
      terminate: () => w.terminate(),
      set onmessage(f) { w.on("message", (data) => f({ data })); },
      set onerror(f) { w.on("error", f); },
    };
  };
`;

test("threads: four workers per strategy, each with its own context, agree with the main thread", { timeout: 600_000 }, () => {
  const r = runChild(`${NEW_WORKER}
    const { workload } = await import(${JSON.stringify(WORKLOAD)});
    const report = {};
    for (const strategy of mlir.STRATEGIES) {
      const expected = JSON.stringify(workload(strategy, 200, 1));
      const workers = Array.from({ length: 4 }, () => newWorker(${JSON.stringify(WORKER)}));
      const results = await Promise.all(workers.map((w) => new Promise((resolve) => {
        w.onmessage = (e) => resolve(e.data);
        w.onerror = (e) => resolve({ error: String(e.message ?? e) });
        w.postMessage({ strategy, functions: 200, rounds: 5 });
      })));
      for (const w of workers) w.terminate();
      report[strategy] = results.map((x) => x.error ?? (JSON.stringify(x.ok) === expected ? "same" : "differs: " + JSON.stringify(x.ok) + " vs " + expected));
    }
    console.log(JSON.stringify(report));
  `);
  assertEquals(r.status, 0, describeChild(r));
  const report = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  for (const strategy of ["interned", "weak", "ephemeral"]) {
    assertEquals(report[strategy], ["same", "same", "same", "same"], `${strategy}: ${JSON.stringify(report[strategy])}`);
  }
});

test("threads: a context or anything in it cannot be posted to a worker", { timeout: 120_000 }, () => {
  const r = runChild(`${NEW_WORKER}
    const w = newWorker(${JSON.stringify(WORKER)});
    using ctx = new mlir.Context();
    using mod = ctx.parseModule("func.func private @f()");
    const things = {
      context: ctx,
      module: mod,
      operation: mod.body.operations.at(0),
      block: mod.body,
      type: mlir.IntegerType.get(ctx, 32),
      attribute: ctx.parseAttribute("1 : i32"),
      location: mlir.Location.unknown(ctx),
    };
    const out = {};
    for (const [name, thing] of Object.entries(things)) {
      try {
        w.postMessage(thing);
        out[name] = "posted";
      } catch (e) {
        out[name] = e?.name + ": " + e?.message;
      }
    }
    w.terminate();
    console.log(JSON.stringify(out));
  `);
  assertEquals(r.status, 0, describeChild(r));
  const out = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Record<string, string>;
  for (const [name, result] of Object.entries(out)) {
    assertEquals(/DataCloneError: .*(belongs to the thread|cannot be sent)/.test(result), true, `${name}: ${result}`);
  }
});
