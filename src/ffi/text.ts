/**
 * Strings across the FFI: UTF-8 in, UTF-8 out.
 *
 * Native functions that produce text take a scratch array and its capacity,
 * copy the text there when it fits and return its full length; a longer text
 * is fetched with a second call. So reading text costs one FFI call in the
 * common case and never allocates native memory the JS side must free.
 *
 * @module
 */
import { lib } from "./load.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Scratch array that text-producing native calls write into. */
export const TEXT: Uint8Array = new Uint8Array(16 * 1024);
/** Its capacity, as the `cap` argument of those calls. */
export const TEXT_CAP: number = TEXT.length;

/** Decodes the text result of length `len` that a native call just produced. */
export function takeText(len: number): string {
  if (len <= TEXT_CAP) return decoder.decode(TEXT.subarray(0, len));
  const whole = new Uint8Array(len);
  lib.mlirffi_out_copy(whole, len);
  if (len > 1 << 20) lib.mlirffi_out_trim();
  return decoder.decode(whole);
}

/** Decodes the text result of the last native call that left one (e.g. an error message). */
export function takeOutput(): string {
  return takeText(lib.mlirffi_out_copy(TEXT, TEXT_CAP));
}

/** Encodes `s` as UTF-8 followed by a NUL byte; the text is `length - 1` bytes. */
export function encodeZ(s: string): Uint8Array {
  // Most source text is ASCII: try one byte per UTF-16 unit first, and
  // fall back to the worst case (3 bytes per unit) only when that is short.
  let buf = new Uint8Array(s.length + 1);
  let { read, written } = encoder.encodeInto(s, buf.subarray(0, s.length));
  if (read < s.length) {
    buf = new Uint8Array(s.length * 3 + 1);
    ({ read, written } = encoder.encodeInto(s, buf));
  }
  buf[written] = 0;
  return buf.subarray(0, written + 1);
}

/** Encodes `s` as UTF-8 (no terminator). */
export function encode(s: string): Uint8Array {
  return encoder.encode(s);
}

const NAME_CACHE_LIMIT = 4096;
const names = new Map<string, Uint8Array>();

/**
 * UTF-8 bytes of a short, frequently used string such as an attribute name,
 * cached so hot lookups do not re-encode it.
 */
export function nameBytes(s: string): Uint8Array {
  let bytes = names.get(s);
  if (bytes === undefined) {
    if (names.size >= NAME_CACHE_LIMIT) names.clear();
    bytes = encoder.encode(s);
    names.set(s, bytes);
  }
  return bytes;
}
