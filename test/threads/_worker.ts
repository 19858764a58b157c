/**
 * A worker that does a full round of IR work in its own context and posts
 * a digest of what it saw: the threads test compares digests across
 * workers running at once and the main thread.
 *
 * The handler is installed before mlir-ffi is imported: importing it awaits
 * the native library, and Bun drops messages that arrive at a module worker
 * before its top-level code has run. On Node (a worker_threads worker, no
 * web globals) messages come through `parentPort`, which queues them until
 * a listener is attached.
 *
 * @module
 */
import { parentPort } from "node:worker_threads";

const web = globalThis as unknown as {
  onmessage: ((e: { data: any }) => void) | null;
  postMessage?(message: unknown): void;
};
const scope = typeof web.postMessage === "function" ? web : {
  set onmessage(f: (e: { data: any }) => void) {
    parentPort!.on("message", (data) => f({ data }));
  },
  postMessage: (message: unknown) => parentPort!.postMessage(message),
};

scope.onmessage = async (e: { data: any }) => {
  try {
    const { workload } = await import("./_workload.ts");
    const { strategy, functions, rounds } = e.data;
    scope.postMessage!({ ok: workload(strategy, functions, rounds) });
  } catch (error) {
    scope.postMessage!({ error: String((error as Error)?.stack ?? error) });
  }
};
