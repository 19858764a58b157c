/**
 * The `sparse_tensor` dialect: the generated op classes and builders, and
 * its encoding attribute under upstream's Python name
 * (`sparse_tensor.EncodingAttr`); the package root exports it as
 * `SparseTensorEncodingAttr`.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * import * as sparse_tensor from "./sparse_tensor.ts";
 * using ctx = new Context();
 * const csr = ctx.parseAttribute("#sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 : compressed) }>");
 * console.log(csr instanceof sparse_tensor.EncodingAttr); // true
 * ```
 *
 * @module
 */
export * from "./generated/sparse_tensor.ts";
export {
  SparseTensorEncodingAttr as EncodingAttr,
  type SparseTensorEncodingOptions as EncodingOptions,
  type SparseTensorLevelFormat as LevelFormat,
  type SparseTensorLevelProperty as LevelProperty,
} from "../ir/dialect/sparse_tensor.ts";
