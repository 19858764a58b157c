/**
 * The `complex` dialect's number attribute, `#complex.number`, as
 * `mlir.dialects.complex` has it in Python.
 *
 * @module
 */
import { ArgumentError } from "../../base/errors.ts";
import { argumentError } from "../../base/args.ts";
import { lib } from "../../ffi/load.ts";
import { typeArg } from "../type.ts";
import { Attribute } from "../attribute.ts";
import { ComplexType } from "../types/composite.ts";
import { FloatType } from "../types/float.ts";

/**
 * `#complex.number<:f64 1.0, 2.0>`: a complex constant, of a complex type
 * of a float element.
 *
 * @example
 * ```ts
 * import { ComplexNumberAttr, ComplexType, Context, FloatType } from "../../mod.ts";
 * using ctx = new Context();
 * const z = ComplexNumberAttr.get(ComplexType.get(FloatType.f64(ctx)), 1.5, -2);
 * console.log(z.toString(), z.real, z.imag); // #complex.number<:f64 1.500000e+00, -2.000000e+00> : complex<f64> 1.5 -2
 * ```
 */
export class ComplexNumberAttr extends Attribute {
  /**
   * The number `real + imag·i` of `type`, a complex type of a float element
   * (each part rounded to the element's precision).
   */
  static get(type: ComplexType, real: number, imag: number): ComplexNumberAttr {
    const t = typeArg(type, null, "ComplexNumberAttr.get's type");
    if (!(type instanceof ComplexType) || !(type.elementType instanceof FloatType)) {
      throw new ArgumentError({ argument: "ComplexNumberAttr.get's type", expected: "a complex type of a float element (complex<f32>, ...)", got: type.toString() });
    }
    if (typeof real !== "number") throw argumentError("ComplexNumberAttr.get's real part", "a number", real);
    if (typeof imag !== "number") throw argumentError("ComplexNumberAttr.get's imaginary part", "a number", imag);
    const state = type._state;
    const ptr = state.callNative(
      () => lib.mlirffi_complex_number_attr(lib.mlirffi_loc_unknown(state.store), t, real, imag),
      (diagnostics) =>
        new ArgumentError(
          { argument: "ComplexNumberAttr.get's type", expected: "a complex type of a float element", got: type.toString() },
          { diagnostics },
        ),
    );
    return new ComplexNumberAttr(state, ptr);
  }

  /** The real part. */
  get real(): number {
    return lib.mlirffi_complex_number_part(this._live(), 0);
  }

  /** The imaginary part. */
  get imag(): number {
    return lib.mlirffi_complex_number_part(this._live(), 1);
  }
}
