/**
 * A worker that does a full round of IR work in its own context and posts
 * a digest of what it saw: the threads test compares digests across
 * workers running at once and the main thread.
 *
 * The handler is installed before mlir-ffi is imported: importing it awaits
 * the native library, and Bun drops messages that arrive at a module worker
 * before its top-level code has run.
 *
 * @module
 */
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async (e: MessageEvent) => {
  try {
    const { workload } = await import("./_workload.ts");
    const { strategy, functions, rounds } = e.data;
    scope.postMessage({ ok: workload(strategy, functions, rounds) });
  } catch (error) {
    scope.postMessage({ error: String((error as Error)?.stack ?? error) });
  }
};
