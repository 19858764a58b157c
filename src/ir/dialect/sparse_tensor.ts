/**
 * The `sparse_tensor` dialect's encoding attribute, as
 * `mlir.dialects.sparse_tensor.EncodingAttr` has it in Python: level types
 * (numbers, MLIR's 64-bit encoding, which stays below 2^48), the
 * dimension-to-level map, bit widths and the explicit and implicit values.
 *
 * The C constructor skips MLIR's verifier, and MLIR reads the level types
 * and map together (a rank mismatch would read past an array), so the
 * rules of `SparseTensorEncodingAttr::verify` are checked here first; then
 * the attribute's text is parsed back, which runs the verifier itself, and
 * anything it refuses is an ArgumentError with MLIR's diagnostics.
 *
 * @module
 */
import { argumentError, intArg, listArg, optionsArg } from "../../base/args.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode } from "../../ffi/text.ts";
import { contextArg } from "../context_state.ts";
import { Attribute, attributeArg } from "../attribute.ts";
import { wrapAttribute } from "../class_registry.ts";
import { AffineMap } from "../affine/map.ts";
import type { Context } from "../../context.ts";

/** The storage format of one level. */
export type SparseTensorLevelFormat = "dense" | "batch" | "compressed" | "singleton" | "loose_compressed" | "n_out_of_m";
/** A non-default property of a level. */
export type SparseTensorLevelProperty = "non_unique" | "non_ordered" | "soa";

// MlirSparseTensorLevelFormat and MlirSparseTensorLevelPropertyNondefault (mlir-c/Dialect/SparseTensor.h).
const FORMAT_BITS: Record<SparseTensorLevelFormat, number> = {
  dense: 0x1_0000,
  batch: 0x2_0000,
  compressed: 0x4_0000,
  singleton: 0x8_0000,
  loose_compressed: 0x10_0000,
  n_out_of_m: 0x20_0000,
};
const PROPERTY_BITS: Record<SparseTensorLevelProperty, number> = { non_unique: 0x1, non_ordered: 0x2, soa: 0x4 };
const FORMATS = Object.keys(FORMAT_BITS) as SparseTensorLevelFormat[];
const WIDTHS = [0, 8, 16, 32, 64];
const TWO_32 = 2 ** 32;

interface Level {
  readonly format: SparseTensorLevelFormat;
  readonly props: number;
  readonly n: number;
  readonly m: number;
}

/** Decodes a level type as LevelType::isValidLvlBits accepts it, or null. */
function decodeLevel(v: unknown): Level | null {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0 || v >= 2 ** 48) return null;
  const low = v % TWO_32;
  const high = Math.floor(v / TWO_32);
  const fmtBits = low - (low % 0x1_0000);
  const props = low % 0x1_0000;
  const format = FORMATS.find((f) => FORMAT_BITS[f] === fmtBits);
  if (format === undefined) return null;
  const n = high % 256;
  const m = Math.floor(high / 256);
  const dense = format === "dense" || format === "batch" || format === "n_out_of_m";
  if (dense ? props !== 0 : (props & ~0x7) !== 0) return null;
  if (format !== "n_out_of_m" && high !== 0) return null;
  return { format, props, n, m };
}

/** The first rule of SparseTensorEncodingAttr::verify that `levels` break, or null. */
function levelRuleBroken(levels: readonly Level[]): string | null {
  const first = levels.findIndex((l) => l.format === "singleton");
  if (first >= 0) {
    const before = levels[first - 1]?.format;
    if (before !== "compressed" && before !== "loose_compressed") return "a compressed or loose_compressed level before the first singleton level";
    let end = first;
    while (levels[end]?.format === "singleton") end++;
    const soa = (levels[first]!.props & PROPERTY_BITS.soa) !== 0;
    for (let i = first; i < end; i++) {
      if (((levels[i]!.props & PROPERTY_BITS.soa) !== 0) !== soa) return "the same soa property on every singleton level of a run";
    }
  }
  const lastBatch = levels.map((l) => l.format).lastIndexOf("batch");
  if (lastBatch > 0 && levels.slice(0, lastBatch).some((l) => l.format !== "batch")) return "batch levels only as the leading levels";
  if (levels.some((l) => (l.props & PROPERTY_BITS.soa) !== 0 && l.format !== "singleton")) return "the soa property only on singleton levels";
  const nm = levels.findIndex((l) => l.format === "n_out_of_m");
  if (nm >= 0) {
    if (nm !== levels.length - 1) return "n_out_of_m only as the last level";
    if (levels.slice(0, nm).some((l) => l.format !== "dense")) return "only dense levels before an n_out_of_m level";
  }
  return null;
}

/** Options of {@linkcode SparseTensorEncodingAttr.get}. */
export interface SparseTensorEncodingOptions {
  /** The level-to-dimension map (default: inferred by MLIR from dimToLvl). */
  readonly lvlToDim?: AffineMap | null;
  /** Bit width of positions: 0 (index width), 8, 16, 32 or 64 (default 0). */
  readonly posWidth?: number;
  /** Bit width of coordinates: 0 (index width), 8, 16, 32 or 64 (default 0). */
  readonly crdWidth?: number;
  /** The value of the stored elements, when they all have one. */
  readonly explicitVal?: Attribute | null;
  /** The value of the elements not stored (default zero). */
  readonly implicitVal?: Attribute | null;
}

/**
 * `#sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 : compressed) }>`:
 * how a sparse tensor is stored (a tensor type's encoding).
 *
 * @example
 * ```ts
 * import { AffineMap, Context, SparseTensorEncodingAttr } from "../../mod.ts";
 * using ctx = new Context();
 * const dense = SparseTensorEncodingAttr.buildLevelType("dense");
 * const compressed = SparseTensorEncodingAttr.buildLevelType("compressed");
 * const csr = SparseTensorEncodingAttr.get(ctx, [dense, compressed], AffineMap.identity(ctx, 2), { posWidth: 32 });
 * console.log(csr.lvlFormats, csr.posWidth); // ["dense", "compressed"] 32
 * console.log(csr.toString()); // #sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 : compressed), posWidth = 32 }>
 * ```
 */
export class SparseTensorEncodingAttr extends Attribute {
  /**
   * A level type: `format` with non-default `properties`; for
   * `n_out_of_m`, `n` of every `m` (each at most 255).
   */
  static buildLevelType(format: SparseTensorLevelFormat, properties: readonly SparseTensorLevelProperty[] = [], n = 0, m = 0): number {
    const what = "SparseTensorEncodingAttr.buildLevelType";
    if (!Object.hasOwn(FORMAT_BITS, format)) throw argumentError(`${what}'s format`, `one of ${FORMATS.join(", ")}`, format);
    let props = 0;
    listArg(properties, `${what}'s properties`).forEach((p, i) => {
      if (typeof p !== "string" || !Object.hasOwn(PROPERTY_BITS, p)) {
        throw argumentError(`${what}'s properties[${i}]`, `one of ${Object.keys(PROPERTY_BITS).join(", ")}`, p);
      }
      props |= PROPERTY_BITS[p as SparseTensorLevelProperty];
    });
    const nm = format === "n_out_of_m";
    intArg(n, 0, nm ? 255 : 0, `${what}'s n`);
    intArg(m, 0, nm ? 255 : 0, `${what}'s m`);
    const v = FORMAT_BITS[format] + props + (n + m * 256) * TWO_32;
    if (decodeLevel(v) === null) {
      throw new ArgumentError({ argument: `${what}'s properties`, expected: `none for a ${format} level`, got: `[${properties.join(", ")}]` });
    }
    return v;
  }

  /** The format of level type `lvlType`. */
  static levelFormat(lvlType: number): SparseTensorLevelFormat {
    return levelArg(lvlType, "SparseTensorEncodingAttr.levelFormat's level type").format;
  }

  /** The `n` of an `n_out_of_m` level type (0 for the others). */
  static structuredN(lvlType: number): number {
    return levelArg(lvlType, "SparseTensorEncodingAttr.structuredN's level type").n;
  }

  /** The `m` of an `n_out_of_m` level type (0 for the others). */
  static structuredM(lvlType: number): number {
    return levelArg(lvlType, "SparseTensorEncodingAttr.structuredM's level type").m;
  }

  /** The encoding of `lvlTypes` (from {@linkcode buildLevelType}), with `dimToLvl` (`null`: the identity). */
  static get(ctx: Context, lvlTypes: readonly number[], dimToLvl: AffineMap | null, options?: SparseTensorEncodingOptions): SparseTensorEncodingAttr {
    const what = "SparseTensorEncodingAttr.get";
    const state = contextArg(ctx, `${what}'s context`);
    const list = listArg(lvlTypes, `${what}'s lvlTypes`);
    if (list.length === 0) throw argumentError(`${what}'s lvlTypes`, "a non-empty array", lvlTypes);
    const levels = list.map((v, i) => levelArg(v, `${what}'s lvlTypes[${i}]`));
    const broken = levelRuleBroken(levels);
    if (broken !== null) {
      throw new ArgumentError({ argument: `${what}'s lvlTypes`, expected: broken, got: `[${levels.map((l) => l.format).join(", ")}]` });
    }
    const lvlRank = levels.length;
    let dimRank = lvlRank;
    let map = 0;
    if (dimToLvl !== null) {
      map = mapArg(dimToLvl, state, `${what}'s dimToLvl`);
      dimRank = dimToLvl.numDims;
      if (dimToLvl.numResults !== lvlRank || dimToLvl.numSymbols !== 0 || dimRank > lvlRank || (dimRank === lvlRank && !dimToLvl.isPermutation)) {
        throw new ArgumentError({
          argument: `${what}'s dimToLvl`,
          expected: `a map without symbols from at most ${lvlRank} dimensions to ${lvlRank} levels (a permutation when from ${lvlRank})`,
          got: dimToLvl.toString(),
        });
      }
    }
    const o = optionsArg(options, `${what}'s options`);
    let inverse = 0;
    if (o.lvlToDim != null) {
      inverse = mapArg(o.lvlToDim, state, `${what}'s options.lvlToDim`);
      if (o.lvlToDim.numDims !== lvlRank || o.lvlToDim.numResults !== dimRank || o.lvlToDim.numSymbols !== 0) {
        throw new ArgumentError({ argument: `${what}'s options.lvlToDim`, expected: `a map without symbols from ${lvlRank} levels to ${dimRank} dimensions`, got: o.lvlToDim.toString() });
      }
    }
    const width = (w: unknown, name: string) => {
      if (w === undefined) return 0;
      if (typeof w !== "number" || !WIDTHS.includes(w)) throw argumentError(`${what}'s options.${name}`, `one of ${WIDTHS.join(", ")}`, w);
      return w;
    };
    const pos = width(o.posWidth, "posWidth");
    const crd = width(o.crdWidth, "crdWidth");
    const explicit = o.explicitVal == null ? 0 : attributeArg(o.explicitVal, state, `${what}'s options.explicitVal`);
    const implicit = o.implicitVal == null ? 0 : attributeArg(o.implicitVal, state, `${what}'s options.implicitVal`);
    const bits = Float64Array.from(list as number[]);
    const ptr = state.callNative(
      () => lib.mlirffi_sparse_encoding(state.store, bits, bits.length, map, inverse, pos, crd, explicit, implicit),
      (diagnostics) => new ArgumentError({ argument: `${what}'s context`, expected: "a context with the sparse_tensor dialect", got: "one without it" }, { diagnostics }),
    );
    const attr = new SparseTensorEncodingAttr(state, ptr);
    // MLIR's verifier runs when the text is parsed: a refusal there is one of its rules not checked above.
    const text = encode(attr.toString());
    const parsed = state.callNative(
      () => lib.mlirffi_attr_parse(state.store, text, text.length),
      (diagnostics) => new ArgumentError({ argument: `${what}'s arguments`, expected: "a valid sparse tensor encoding", got: attr.toString() }, { diagnostics }),
    );
    if (parsed !== ptr) {
      throw new ArgumentError({ argument: `${what}'s arguments`, expected: "an encoding that reads back as itself", got: attr.toString() });
    }
    return attr;
  }

  /** The number of levels. */
  get lvlRank(): number {
    return lib.mlirffi_sparse_encoding_rank(this._live());
  }

  /** The level types, one per level (see {@linkcode levelFormat}). */
  get lvlTypes(): number[] {
    const ptr = this._live();
    return Array.from({ length: lib.mlirffi_sparse_encoding_rank(ptr) }, (_, i) => lib.mlirffi_sparse_encoding_level(ptr, i));
  }

  /** The format of each level. */
  get lvlFormats(): SparseTensorLevelFormat[] {
    return this.lvlTypes.map((t) => decodeLevel(t)!.format);
  }

  /** The dimension-to-level map (MLIR stores the identity when none was given). */
  get dimToLvl(): AffineMap | null {
    const m = lib.mlirffi_sparse_encoding_part(this._live(), 0);
    return m === 0 ? null : new AffineMap(this._state, m);
  }

  /** The level-to-dimension map; `null` for the identity or when MLIR infers none. */
  get lvlToDim(): AffineMap | null {
    const m = lib.mlirffi_sparse_encoding_part(this._live(), 1);
    return m === 0 ? null : new AffineMap(this._state, m);
  }

  /** Bit width of positions (0: index width). */
  get posWidth(): number {
    return lib.mlirffi_sparse_encoding_width(this._live(), false);
  }

  /** Bit width of coordinates (0: index width). */
  get crdWidth(): number {
    return lib.mlirffi_sparse_encoding_width(this._live(), true);
  }

  /** The value of the stored elements, or `null`. */
  get explicitVal(): Attribute | null {
    const a = lib.mlirffi_sparse_encoding_part(this._live(), 2);
    return a === 0 ? null : wrapAttribute(this._state, a);
  }

  /** The value of the elements not stored, or `null`. */
  get implicitVal(): Attribute | null {
    const a = lib.mlirffi_sparse_encoding_part(this._live(), 3);
    return a === 0 ? null : wrapAttribute(this._state, a);
  }
}

function levelArg(v: unknown, what: string): Level {
  const l = decodeLevel(v);
  if (l === null) throw argumentError(what, "a level type (from SparseTensorEncodingAttr.buildLevelType)", v);
  return l;
}

function mapArg(m: unknown, state: Parameters<typeof attributeArg>[1], what: string): number {
  if (!(m instanceof AffineMap)) throw argumentError(what, "an AffineMap or null", m);
  return m._in(state!, what);
}
