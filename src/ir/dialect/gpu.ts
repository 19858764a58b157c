/**
 * The `gpu` dialect's async token type and its object attribute (a
 * compiled GPU binary), as `mlir.dialects.gpu` has them in Python.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, optionsArg, stringArg } from "../../base/args.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import { Type } from "../type.ts";
import { Attribute, attributeArg } from "../attribute.ts";
import { wrapAttribute } from "../class_registry.ts";
import { DictionaryAttr } from "../attributes/containers.ts";
import type { Context } from "../../context.ts";

/**
 * `!gpu.async.token`: what asynchronous GPU ops return and wait on.
 *
 * @example
 * ```ts
 * import { Context, GPUAsyncTokenType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(GPUAsyncTokenType.get(ctx).toString()); // !gpu.async.token
 * ```
 */
export class GPUAsyncTokenType extends Type {
  /** The async token type of `ctx`. */
  static get(ctx: Context): GPUAsyncTokenType {
    const state = contextArg(ctx, "GPUAsyncTokenType.get's context");
    return new GPUAsyncTokenType(state, lib.mlirffi_gpu_async_token_type(state.store));
  }
}

/** How a {@linkcode GPUObjectAttr} holds its object, as `gpu::CompilationTarget` numbers it. */
export type GPUObjectFormat = "offload" | "assembly" | "binary" | "fatbin";

// gpu::CompilationTarget: Offload = 1, Assembly, Binary, Fatbin.
const FORMATS: readonly GPUObjectFormat[] = ["offload", "assembly", "binary", "fatbin"];

/** Options of {@linkcode GPUObjectAttr.get}. */
export interface GPUObjectOptions {
  /** Properties of the object (a dictionary). */
  readonly properties?: DictionaryAttr;
  /** Kernel metadata (a `#gpu.kernel_table`). */
  readonly kernels?: Attribute;
}

/**
 * `#gpu.object<#nvvm.target, "...">`: a GPU binary for a target, as
 * `gpu.binary` ops hold them.
 *
 * @example
 * ```ts
 * import { Context, GPUObjectAttr } from "../../mod.ts";
 * using ctx = new Context();
 * const o = GPUObjectAttr.get(ctx.parseAttribute("#nvvm.target"), "binary", "BLOB");
 * console.log(o.toString(), o.format, o.object); // #gpu.object<#nvvm.target, bin = "BLOB"> binary BLOB
 * ```
 */
export class GPUObjectAttr extends Attribute {
  /** The object `object` for `target` (a GPU target attribute such as `#nvvm.target`), in `format`. */
  static get(target: Attribute, format: GPUObjectFormat, object: string, options?: GPUObjectOptions): GPUObjectAttr {
    if (!(target instanceof Attribute)) throw argumentError("GPUObjectAttr.get's target", "an Attribute", target);
    const state = target._state;
    const t = attributeArg(target, state, "GPUObjectAttr.get's target");
    if (!isGpuTarget(target)) {
      throw new ArgumentError({ argument: "GPUObjectAttr.get's target", expected: "a GPU target attribute (#nvvm.target, #rocdl.target, #xevm.target, #spirv.target_env, ...)", got: target.toString() });
    }
    const f = FORMATS.indexOf(format);
    if (f < 0) throw argumentError("GPUObjectAttr.get's format", `one of ${FORMATS.join(", ")}`, format);
    const bytes = encode(stringArg(object, "GPUObjectAttr.get's object"));
    const o = optionsArg(options, "GPUObjectAttr.get's options");
    if (o.properties !== undefined && !(o.properties instanceof DictionaryAttr)) {
      throw argumentError("GPUObjectAttr.get's options.properties", "a DictionaryAttr", o.properties);
    }
    const props = o.properties === undefined ? 0 : attributeArg(o.properties, state, "GPUObjectAttr.get's options.properties");
    let kernels = 0;
    if (o.kernels !== undefined) {
      kernels = attributeArg(o.kernels, state, "GPUObjectAttr.get's options.kernels");
      if (!o.kernels.toString().startsWith("#gpu.kernel_table")) {
        throw new ArgumentError({ argument: "GPUObjectAttr.get's options.kernels", expected: "a #gpu.kernel_table attribute", got: o.kernels.toString() });
      }
    }
    return new GPUObjectAttr(state, lib.mlirffi_gpu_object_attr(state.store, t, f + 1, bytes, bytes.length, props, kernels));
  }

  /** The target attribute. */
  get target(): Attribute {
    return wrapAttribute(this._state, lib.mlirffi_gpu_object_attr_target(this._live()));
  }

  /** How the object is held. */
  get format(): GPUObjectFormat {
    return FORMATS[lib.mlirffi_gpu_object_attr_format(this._live()) - 1]!;
  }

  /** The object's bytes, as a string. */
  get object(): string {
    return takeText(lib.mlirffi_gpu_object_attr_object(this._live(), TEXT, TEXT_CAP));
  }

  /** Its properties, or `null`. */
  get properties(): DictionaryAttr | null {
    const a = lib.mlirffi_gpu_object_attr_properties(this._live());
    return a === 0 ? null : (wrapAttribute(this._state, a) as DictionaryAttr);
  }

  /** Its kernel table, or `null`. */
  get kernels(): Attribute | null {
    const a = lib.mlirffi_gpu_object_attr_kernels(this._live());
    return a === 0 ? null : wrapAttribute(this._state, a);
  }
}

/**
 * Whether `a` implements gpu::TargetAttrInterface. The C API cannot ask an
 * attribute for its interfaces, and MLIR casts to it unchecked, so the
 * upstream targets are listed by dialect.
 */
function isGpuTarget(a: Attribute): boolean {
  return /^#(nvvm\.target|rocdl\.target|xevm\.target|spirv\.target_env)\b/.test(a.toString());
}
