/**
 * The JavaScript call stack as frames, for locations made from it
 * (`Location.fromStack`), as Python's traceback locations.
 *
 * There is no portable structured stack API: V8's `Error.prepareStackTrace`
 * call sites are not JavaScriptCore's, and setting it would change every
 * stack the program prints. So the text of `new Error().stack` is parsed.
 * Deno (V8) and Bun both print V8's form (`    at name (file:line:col)`);
 * JavaScriptCore's own form (`name@file:line:col`) is read too. Frames of
 * this package (the folder above this file: `src/`, or the package root
 * when bundled) and of the runtime itself (`node:`, `ext:`, native code,
 * `eval`) are left out, as upstream leaves out the bindings' own files, so
 * the first frame is the caller's code.
 *
 * @module
 */

/** One frame of the caller's code. */
export interface StackFrame {
  /** The function's name as the runtime prints it (`f`, `Foo.bar`, `new Foo`), or null. */
  readonly name: string | null;
  /** A path (for `file:` URLs) or URL. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const V8_FRAME = /^\s*at (?:(.+?) \()?(.+):(\d+):(\d+)\)?$/;
const JSC_FRAME = /^(?:(.*?)@)?(.+):(\d+):(\d+)$/;
const OWN = new URL("../", import.meta.url).href;
// Bun prints paths, Deno file: URLs.
const OWN_PATH = OWN.startsWith("file://") ? decodeURIComponent(new URL(OWN).pathname) : OWN;

/** The frame a line of a stack describes, or null (a native or eval frame, or not a frame). */
export function parseFrame(text: string): StackFrame | null {
  const m = V8_FRAME.exec(text) ?? (text.includes("@") || !/^\s*at /.test(text) ? JSC_FRAME.exec(text.trim()) : null);
  if (m === null) return null;
  const [, rawName, location, line, column] = m;
  if (location === undefined || /^(native|<anonymous>)$|eval at |^(node|ext|bun):/.test(location)) return null;
  let name = rawName?.replace(/^async /, "").trim() || null;
  if (name === "<anonymous>" || name === "module code" || name === "global code") name = null;
  return { name, file: location, line: Number(line), column: Number(column) };
}

function toPath(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
}

/** Up to `limit` frames of the caller's code, innermost first. */
export function callerFrames(limit: number): StackFrame[] {
  const saved = Error.stackTraceLimit;
  // The package's own frames come first and count against the runtime's
  // limit (10 by default on V8); room for them and `limit` more.
  Error.stackTraceLimit = limit + 64;
  let stack: string;
  try {
    stack = new Error().stack ?? "";
  } finally {
    Error.stackTraceLimit = saved;
  }
  const frames: StackFrame[] = [];
  for (const line of stack.split("\n")) {
    const frame = parseFrame(line);
    if (frame === null || frame.file.startsWith(OWN) || frame.file.startsWith(OWN_PATH)) continue;
    const file = frame.file.startsWith("file://") ? toPath(frame.file) ?? frame.file : frame.file;
    frames.push({ ...frame, file });
    if (frames.length === limit) break;
  }
  return frames;
}
