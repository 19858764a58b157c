/**
 * Half-precision bit patterns from numbers (IEEE binary16 and bfloat16),
 * rounded to nearest even, for building f16 and bf16 elements.
 *
 * @module
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The f16 bit pattern nearest to `x`. */
export function float16Bits(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exp32 = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp32 === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0); // infinity, NaN
  const exp = exp32 - 127 + 15;
  if (exp >= 0x1f) return sign | 0x7c00; // too large: infinity
  if (exp <= 0) {
    // Subnormal (or zero).
    if (exp < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - exp;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && (half & 1) === 1)) half++;
    return sign | half;
  }
  let half = sign | (exp << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1) === 1)) half++; // may carry into the exponent: correct
  return half;
}

/** The bf16 bit pattern nearest to `x`. */
export function bfloat16Bits(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  if (Number.isNaN(x)) return ((b >>> 16) & 0x8000) | 0x7fc0;
  return ((b + 0x7fff + ((b >>> 16) & 1)) >>> 16) & 0xffff;
}
