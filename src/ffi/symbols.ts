/**
 * The native symbol table of libmlirffi, declared once. The Bun, Deno and Node
 * adapters (`bun.ts`, `deno.ts`, `node.ts`) turn it into each runtime's own binding.
 *
 * Value kinds:
 * - `handle`: a native object (operation, block, type, ...) as a C `double`;
 *   a plain number on both runtimes, 0 for null. See native/src/shim.h.
 * - `f64`, `i32`, `u32`, `bool`: as in C; `i64` crosses as a BigInt.
 * - `buffer`: a typed array passed by reference (its bytes, not a copy).
 * - `pointer`: a runtime's own pointer value, as its callbacks give them
 *   (the dispatcher, JIT host functions).
 * - `u64`: a raw representation, used only by the benchmarks' own table
 *   (bench/native_symbols.ts) to measure it, with `pointer`.
 *
 * @module
 */

/** The ABI version this table was written for (native/src/shim.h). */
export const ABI_VERSION = 6;
/** The MLIR major version the shim must be built against. */
export const MLIR_MAJOR = 22;

/** How a value crosses the FFI boundary. */
export type Kind = "handle" | "f64" | "i32" | "u32" | "i64" | "bool" | "buffer" | "void" | "pointer" | "u64";

/**
 * A scalar C type of a JIT host function's parameter or result, named as
 * both runtimes' FFI name it.
 */
export type HostKind = "u8" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64";

/** A native function's parameter and result kinds. */
export interface Signature {
  readonly parameters: readonly Kind[];
  readonly result: Kind;
}

/** Declares a native function's parameter and result kinds. */
export const fn = <const P extends readonly Kind[], const R extends Kind>(parameters: P, result: R) => ({
  parameters,
  result,
});

/** Every function the shim exports, with C parameter names in comments. */
export const symbols = {
  // abi.c
  mlirffi_abi_version: fn([], "i32"),

  // callbacks.c
  mlirffi_set_dispatcher: fn(["pointer" /* int32_t (*)(int32_t kind, int32_t id, double a, double b) */], "void"),
  mlirffi_external_pass_create: fn(
    [
      "handle", /* ctx record */
      "i32", /* id in the JS registry */
      "buffer", /* name */
      "u32",
      "buffer", /* argument */
      "u32",
      "buffer", /* description */
      "u32",
      "buffer", /* op name, empty for any op */
      "u32",
    ],
    "handle",
  ),
  mlirffi_opm_add_owned_pass: fn(["handle" /* opm */, "handle" /* pass */], "void"),
  mlirffi_pattern_set_create: fn(["handle" /* ctx record */], "handle"),
  mlirffi_pattern_set_destroy: fn(["handle" /* set */], "void"),
  mlirffi_pattern_set_add: fn(
    ["handle" /* set */, "handle" /* ctx record */, "i32" /* id */, "buffer" /* root op name */, "u32", "u32" /* benefit */],
    "void",
  ),
  mlirffi_pattern_set_freeze: fn(["handle" /* set */], "handle"),
  mlirffi_frozen_patterns_destroy: fn(["handle" /* frozen */], "void"),
  mlirffi_apply_patterns_greedily: fn(
    [
      "handle", /* op */
      "handle", /* frozen patterns */
      "f64", /* max iterations (-1: no limit) */
      "f64", /* max rewrites (-1: no limit) */
      "bool", /* top-down traversal */
      "bool", /* folding */
      "i32", /* strictness: 0 any op, 1 existing and new ops, 2 existing ops */
      "i32", /* region simplification: 0 disabled, 1 normal, 2 aggressive */
      "bool", /* constant CSE */
    ],
    "i32",
  ),
  mlirffi_walk_and_apply_patterns: fn(["handle" /* op */, "handle" /* frozen patterns */], "void"),
  mlirffi_rewriter_replace_op: fn(["handle" /* rewriter */, "handle" /* op */, "buffer" /* values */, "i32" /* n */], "void"),
  mlirffi_rewriter_erase_op: fn(["handle" /* rewriter */, "handle" /* op */], "void"),
  mlirffi_rewriter_replace_all_uses_with: fn(["handle" /* rewriter */, "handle" /* from */, "handle" /* to */], "void"),
  mlirffi_rewriter_start_modification: fn(["handle" /* rewriter */, "handle" /* op */], "void"),
  mlirffi_rewriter_finalize_modification: fn(["handle" /* rewriter */, "handle" /* op */], "void"),
  mlirffi_rewriter_cancel_modification: fn(["handle" /* rewriter */, "handle" /* op */], "void"),
  mlirffi_rewriter_insert: fn(
    ["handle" /* rewriter */, "i32" /* 0 end of block, 1 before ref, 2 after ref */, "handle" /* block */, "handle" /* ref */, "handle" /* op */],
    "void",
  ),
  mlirffi_rewriter_ip_op: fn(["handle" /* rewriter */], "handle"),
  mlirffi_rewriter_ip_block: fn(["handle" /* rewriter */], "handle"),
  mlirffi_pdl_module_create: fn(["handle" /* module op, copied */], "handle"),
  mlirffi_pdl_swap_refusals: fn(["i32" /* new count */], "i32"),
  mlirffi_pdl_module_destroy: fn(["handle" /* pdl module */], "void"),
  mlirffi_pdl_register: fn(["handle" /* pdl module */, "bool" /* constraint */, "i32" /* id */, "buffer" /* name */, "u32"], "void"),
  mlirffi_pdl_freeze: fn(["handle" /* pdl module, consumed */], "handle"),
  mlirffi_pdl_arg_kind: fn(["handle" /* call */, "u32" /* i */], "i32"),
  mlirffi_pdl_arg: fn(["handle" /* call */, "u32" /* i */, "i32" /* kind */], "handle"),
  mlirffi_pdl_rewriter: fn(["handle" /* call */], "handle"),
  mlirffi_pdl_push: fn(["handle" /* call */, "i32" /* kind */, "handle" /* value */], "void"),
  mlirffi_mlir_version: fn([], "i32"),

  // text.c, pass.c, strings.c, bigstack.c
  mlirffi_out_copy: fn(["buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_out_trim: fn([], "void"),
  mlirffi_out_length: fn([], "f64"),
  mlirffi_identifier_str: fn(["handle" /* id */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_identifier_get: fn(["handle" /* ctx */, "buffer" /* s */, "u32" /* len */], "handle"),
  mlirffi_big_stack_size: fn([], "f64"),

  // context.c
  mlirffi_context_create: fn(["bool" /* allow_unregistered */, "bool" /* threading */], "handle"),
  mlirffi_context_raw: fn(["handle" /* ctx record */], "handle"),
  mlirffi_context_destroy: fn(["handle" /* ctx record */], "void"),
  mlirffi_context_set_allow_unregistered: fn(["handle" /* c */, "bool" /* allow */], "void"),
  mlirffi_context_get_allow_unregistered: fn(["handle" /* c */], "bool"),
  mlirffi_context_enable_multithreading: fn(["handle" /* c */, "bool" /* enable */], "void"),
  mlirffi_context_set_js_handlers: fn(["handle" /* ctx record */, "i32" /* id, 0 for none */], "void"),
  mlirffi_offered_copy: fn(["handle" /* offered diagnostic */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_diag_count: fn(["handle" /* ctx record */], "i32"),
  mlirffi_diag_take: fn(["handle" /* ctx record */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_emit_error: fn(["handle" /* loc */, "buffer" /* msg */, "u32" /* len */], "void"),

  // operation.c, scan.c, relocate.c
  mlirffi_parse_op: fn(
    ["handle" /* ctx record */, "buffer" /* src, NUL-terminated */, "u32" /* len */, "buffer" /* name */, "u32" /* name_len */],
    "handle",
  ),
  mlirffi_parse_module_implicit: fn(["handle" /* ctx record */, "buffer" /* src */, "u32" /* len */], "handle"),
  mlirffi_module_body: fn(["handle" /* module op */], "handle"),
  mlirffi_scan_source: fn(["buffer" /* src */, "u32" /* len */, "buffer" /* out[4] */], "void"),
  mlirffi_rename_source: fn(
    ["handle" /* root */, "buffer" /* from */, "u32" /* from_len */, "buffer" /* to */, "u32" /* to_len */],
    "void",
  ),
  mlirffi_module_create_empty: fn(["handle" /* loc */], "handle"),
  mlirffi_op_destroy: fn(["handle" /* op */], "void"),
  mlirffi_op_print: fn(
    ["handle" /* op */, "i32" /* flags */, "f64" /* large_elements_limit */, "buffer" /* dst */, "u32" /* cap */],
    "f64",
  ),
  mlirffi_op_verify: fn(["handle" /* op */], "bool"),
  mlirffi_op_name: fn(["handle" /* op */], "handle"),
  mlirffi_op_context: fn(["handle" /* op */], "handle"),
  mlirffi_op_location: fn(["handle" /* op */], "handle"),
  mlirffi_op_set_location: fn(["handle" /* op */, "handle" /* loc */], "void"),
  mlirffi_op_block: fn(["handle" /* op */], "handle"),
  mlirffi_op_parent: fn(["handle" /* op */], "handle"),
  mlirffi_op_next: fn(["handle" /* op */], "handle"),
  mlirffi_op_num_regions: fn(["handle" /* op */], "i32"),
  mlirffi_op_num_results: fn(["handle" /* op */], "i32"),
  mlirffi_op_num_operands: fn(["handle" /* op */], "i32"),
  mlirffi_op_num_successors: fn(["handle" /* op */], "i32"),
  mlirffi_op_region: fn(["handle" /* op */, "i32" /* index */], "handle"),
  mlirffi_op_result: fn(["handle" /* op */, "i32" /* index */], "handle"),
  mlirffi_op_operand: fn(["handle" /* op */, "i32" /* index */], "handle"),
  mlirffi_op_set_operand: fn(["handle" /* op */, "i32" /* index */, "handle" /* value */], "void"),
  mlirffi_op_successor: fn(["handle" /* op */, "i32" /* index */], "handle"),
  mlirffi_op_set_successor: fn(["handle" /* op */, "i32" /* index */, "handle" /* block */], "void"),
  mlirffi_op_is_before_in_block: fn(["handle" /* a */, "handle" /* b */], "bool"),
  mlirffi_op_remove_from_parent: fn(["handle" /* op */], "void"),
  mlirffi_op_move_before: fn(["handle" /* op */, "handle" /* other */], "void"),
  mlirffi_op_move_after: fn(["handle" /* op */, "handle" /* other */], "void"),
  mlirffi_op_clone: fn(["handle" /* op */], "handle"),
  mlirffi_op_num_attributes: fn(["handle" /* op */], "i32"),
  mlirffi_op_attribute_at: fn(["handle" /* op */, "i32" /* index */, "buffer" /* out[2] */], "void"),
  mlirffi_op_attribute_get: fn(["handle" /* op */, "buffer" /* name */, "u32" /* len */], "handle"),
  mlirffi_op_attribute_get_by_id: fn(["handle" /* op */, "handle" /* name identifier */], "handle"),
  mlirffi_op_attribute_set: fn(["handle" /* op */, "buffer" /* name */, "u32" /* len */, "handle" /* attr */], "void"),
  mlirffi_op_attribute_remove: fn(["handle" /* op */, "buffer" /* name */, "u32" /* len */], "bool"),

  // collect.c, names.c
  mlirffi_block_ops: fn(["handle" /* block */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_region_blocks: fn(["handle" /* region */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_op_regions: fn(["handle" /* op */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_op_results: fn(["handle" /* op */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_op_operands: fn(["handle" /* op */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_block_args: fn(["handle" /* block */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_value_uses: fn(["handle" /* value */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_value_has_uses: fn(["handle" /* value */], "bool"),
  mlirffi_walk: fn(
    [
      "handle", /* ctx record */
      "handle", /* root */
      "i32", /* order */
      "buffer", /* dst */
      "buffer", /* ends */
      "buffer", /* names (indices), or null */
      "u32", /* cap */
    ],
    "f64",
  ),
  mlirffi_op_name_index: fn(["handle" /* ctx record */, "handle" /* op */], "i32"),
  mlirffi_name_at: fn(["handle" /* ctx record */, "i32" /* index */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_subtree: fn(["handle" /* root */, "bool" /* include_root */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_block_subtree: fn(["handle" /* block */, "buffer" /* dst */, "u32" /* cap */], "f64"),

  // structure.c
  mlirffi_op_is_ancestor: fn(["handle" /* ancestor */, "handle" /* op */], "bool"),
  mlirffi_op_has_outside_uses: fn(["handle" /* root */], "bool"),
  mlirffi_op_refers_outside: fn(["handle" /* root */], "bool"),
  mlirffi_op_inside_used_outside: fn(["handle" /* root */], "bool"),
  mlirffi_block_is_referenced: fn(["handle" /* block */], "bool"),

  // block.c
  mlirffi_block_parent_op: fn(["handle" /* b */], "handle"),
  mlirffi_block_parent_region: fn(["handle" /* b */], "handle"),
  mlirffi_block_next: fn(["handle" /* b */], "handle"),
  mlirffi_block_first_op: fn(["handle" /* b */], "handle"),
  mlirffi_block_terminator: fn(["handle" /* b */], "handle"),
  mlirffi_block_num_args: fn(["handle" /* b */], "i32"),
  mlirffi_block_arg: fn(["handle" /* block */, "i32" /* index */], "handle"),
  mlirffi_block_append_op: fn(["handle" /* block */, "handle" /* op */], "void"),
  mlirffi_block_insert_op: fn(["handle" /* block */, "i32" /* pos */, "handle" /* op */], "void"),
  mlirffi_block_insert_op_before: fn(["handle" /* block */, "handle" /* ref */, "handle" /* op */], "void"),
  mlirffi_block_insert_op_after: fn(["handle" /* block */, "handle" /* ref */, "handle" /* op */], "void"),
  mlirffi_block_destroy: fn(["handle" /* block */], "void"),
  mlirffi_region_destroy: fn(["handle" /* region */], "void"),
  mlirffi_block_print: fn(["handle" /* block */, "buffer" /* dst */, "u32" /* cap */], "f64"),

  // value.c, block.c
  mlirffi_value_is_block_arg: fn(["handle" /* v */], "bool"),
  mlirffi_value_is_op_result: fn(["handle" /* v */], "bool"),
  mlirffi_value_type: fn(["handle" /* v */], "handle"),
  mlirffi_value_set_type: fn(["handle" /* value */, "handle" /* type */], "void"),
  mlirffi_result_owner: fn(["handle" /* v */], "handle"),
  mlirffi_result_number: fn(["handle" /* v */], "i32"),
  mlirffi_arg_owner: fn(["handle" /* v */], "handle"),
  mlirffi_arg_number: fn(["handle" /* v */], "i32"),
  mlirffi_value_replace_all_uses: fn(["handle" /* of */, "handle" /* with */], "void"),
  mlirffi_value_location: fn(["handle" /* v */], "handle"),
  mlirffi_op_replace_uses_of_with: fn(["handle" /* op */, "handle" /* of */, "handle" /* with */], "void"),
  mlirffi_block_predecessor: fn(["handle" /* b */, "i32" /* i */], "handle"),
  mlirffi_block_num_successors: fn(["handle" /* b */], "i32"),
  mlirffi_block_successor: fn(["handle" /* b */, "i32" /* i */], "handle"),
  mlirffi_op_operand_ptr: fn(["handle" /* op */, "i32" /* index */], "handle"),

  // describe.c
  mlirffi_mailbox: fn([], "pointer"),
  mlirffi_value_describe: fn(["handle" /* v */], "handle"),
  mlirffi_op_operand_described: fn(["handle" /* op */, "i32" /* index */], "handle"),
  mlirffi_value_print: fn(["handle" /* value */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_value_print_as_operand: fn(["handle" /* value */, "buffer" /* dst */, "u32" /* cap */], "f64"),

  // typeattr.c
  mlirffi_type_parse: fn(["handle" /* ctx record */, "buffer" /* text */, "u32" /* len */], "handle"),
  mlirffi_attr_parse: fn(["handle" /* ctx record */, "buffer" /* text */, "u32" /* len */], "handle"),
  mlirffi_type_print: fn(["handle" /* type */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_attr_print: fn(["handle" /* attr */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_loc_print: fn(["handle" /* loc */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_loc_unknown: fn(["handle" /* ctx record */], "handle"),
  mlirffi_loc_file: fn(
    ["handle" /* ctx record */, "buffer" /* file */, "u32" /* len */, "u32" /* line */, "u32" /* col */],
    "handle",
  ),
  mlirffi_attr_type: fn(["handle" /* a */], "handle"),

  // types.c
  mlirffi_type_kind: fn(["handle" /* type */], "i32"),
  mlirffi_type_equal: fn(["handle" /* a */, "handle" /* b */], "bool"),
  mlirffi_integer_type: fn(["handle" /* ctx record */, "i32" /* width */, "i32" /* signedness */], "handle"),
  mlirffi_integer_type_width: fn(["handle" /* t */], "i32"),
  mlirffi_integer_type_signedness: fn(["handle" /* t */], "i32"),
  mlirffi_index_type: fn(["handle" /* ctx record */], "handle"),
  mlirffi_none_type: fn(["handle" /* ctx record */], "handle"),
  mlirffi_float_type: fn(["handle" /* ctx record */, "i32" /* kind */], "handle"),
  mlirffi_float_type_width: fn(["handle" /* t */], "i32"),
  mlirffi_complex_type: fn(["handle" /* element */], "handle"),
  mlirffi_complex_type_element: fn(["handle" /* t */], "handle"),
  mlirffi_tuple_type: fn(["handle" /* ctx record */, "buffer" /* elements */, "i32" /* n */], "handle"),
  mlirffi_tuple_type_size: fn(["handle" /* t */], "i32"),
  mlirffi_tuple_type_at: fn(["handle" /* t */, "i32" /* i */], "handle"),
  mlirffi_function_type: fn(
    ["handle" /* ctx record */, "buffer" /* inputs */, "i32" /* n_in */, "buffer" /* results */, "i32" /* n_out */],
    "handle",
  ),
  mlirffi_function_type_inputs: fn(["handle" /* t */], "i32"),
  mlirffi_function_type_results: fn(["handle" /* t */], "i32"),
  mlirffi_function_type_input: fn(["handle" /* t */, "i32" /* i */], "handle"),
  mlirffi_function_type_result: fn(["handle" /* t */, "i32" /* i */], "handle"),
  mlirffi_vector_type: fn(
    ["handle" /* loc */, "buffer" /* shape */, "i32" /* rank */, "buffer" /* scalable or null */, "handle" /* element */],
    "handle",
  ),
  mlirffi_vector_type_dim_scalable: fn(["handle" /* t */, "i32" /* i */], "bool"),
  mlirffi_ranked_tensor_type: fn(
    ["handle" /* loc */, "buffer" /* shape */, "i32" /* rank */, "handle" /* element */, "handle" /* encoding */],
    "handle",
  ),
  mlirffi_ranked_tensor_type_encoding: fn(["handle" /* t */], "handle"),
  mlirffi_unranked_tensor_type: fn(["handle" /* loc */, "handle" /* element */], "handle"),
  mlirffi_memref_type: fn(
    [
      "handle", /* loc */
      "handle", /* element */
      "buffer", /* shape */
      "i32", /* rank */
      "handle", /* layout */
      "handle", /* memory space */
    ],
    "handle",
  ),
  mlirffi_memref_type_layout: fn(["handle" /* t */], "handle"),
  mlirffi_memref_type_memory_space: fn(["handle" /* t */], "handle"),
  mlirffi_unranked_memref_type: fn(["handle" /* loc */, "handle" /* element */, "handle" /* space */], "handle"),
  mlirffi_unranked_memref_type_memory_space: fn(["handle" /* t */], "handle"),
  mlirffi_shaped_type_element: fn(["handle" /* t */], "handle"),
  mlirffi_shaped_type_rank: fn(["handle" /* t */], "i32"),
  mlirffi_shaped_type_shape: fn(["handle" /* t */, "buffer" /* dst */, "u32" /* cap */], "i32"),
  mlirffi_opaque_type: fn(
    ["handle" /* ctx record */, "buffer" /* namespace */, "u32" /* ns_len */, "buffer" /* data */, "u32" /* len */],
    "handle",
  ),
  mlirffi_opaque_type_namespace: fn(["handle" /* t */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_opaque_type_data: fn(["handle" /* t */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_type_dialect: fn(["handle" /* t */, "buffer" /* dst */, "u32" /* cap */], "f64"),

  // attributes.c
  mlirffi_attr_kind: fn(["handle" /* attr */], "i32"),
  mlirffi_attr_equal: fn(["handle" /* a */, "handle" /* b */], "bool"),
  mlirffi_integer_attr: fn(["handle" /* type */, "i64" /* value */], "handle"),
  mlirffi_integer_attr_value: fn(["handle" /* attr */], "i64"),
  mlirffi_float_attr: fn(["handle" /* loc */, "handle" /* type */, "f64" /* value */], "handle"),
  mlirffi_float_attr_value: fn(["handle" /* attr */], "f64"),
  mlirffi_bool_attr: fn(["handle" /* ctx record */, "bool" /* value */], "handle"),
  mlirffi_bool_attr_value: fn(["handle" /* attr */], "bool"),
  mlirffi_unit_attr: fn(["handle" /* ctx record */], "handle"),
  mlirffi_type_attr: fn(["handle" /* type */], "handle"),
  mlirffi_type_attr_value: fn(["handle" /* attr */], "handle"),
  mlirffi_string_attr: fn(["handle" /* ctx record */, "buffer" /* s */, "u32" /* len */], "handle"),
  mlirffi_string_attr_typed: fn(["handle" /* type */, "buffer" /* s */, "u32" /* len */], "handle"),
  mlirffi_string_attr_value: fn(["handle" /* attr */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_array_attr: fn(["handle" /* ctx record */, "buffer" /* elements */, "i32" /* n */], "handle"),
  mlirffi_array_attr_size: fn(["handle" /* attr */], "i32"),
  mlirffi_array_attr_at: fn(["handle" /* attr */, "i32" /* i */], "handle"),
  mlirffi_dictionary_attr: fn(
    ["handle" /* ctx record */, "buffer" /* names */, "buffer" /* values */, "i32" /* n */],
    "handle",
  ),
  mlirffi_dictionary_attr_size: fn(["handle" /* attr */], "i32"),
  mlirffi_dictionary_attr_at: fn(["handle" /* attr */, "i32" /* i */, "buffer" /* out[2] */], "void"),
  mlirffi_dictionary_attr_get: fn(["handle" /* attr */, "buffer" /* name */, "u32" /* len */], "handle"),
  mlirffi_flat_symbol_ref_attr: fn(["handle" /* ctx record */, "buffer" /* s */, "u32" /* len */], "handle"),
  mlirffi_flat_symbol_ref_attr_value: fn(["handle" /* attr */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_symbol_ref_attr: fn(
    ["handle" /* ctx record */, "buffer" /* root */, "u32" /* len */, "buffer" /* nested */, "i32" /* n */],
    "handle",
  ),
  mlirffi_symbol_ref_attr_root: fn(["handle" /* attr */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_symbol_ref_attr_leaf: fn(["handle" /* attr */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_symbol_ref_attr_num_nested: fn(["handle" /* attr */], "i32"),
  mlirffi_symbol_ref_attr_nested: fn(["handle" /* attr */, "i32" /* i */], "handle"),
  mlirffi_opaque_attr: fn(
    [
      "handle", /* ctx record */
      "buffer", /* namespace */
      "u32", /* ns_len */
      "buffer", /* data */
      "u32", /* len */
      "handle", /* type */
    ],
    "handle",
  ),
  mlirffi_opaque_attr_namespace: fn(["handle" /* attr */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_opaque_attr_data: fn(["handle" /* attr */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_strided_layout_attr_info: fn(["handle" /* attr */, "buffer" /* out */, "u32" /* cap */], "i32"),
  mlirffi_strided_layout_attr: fn(
    ["handle" /* ctx record */, "f64" /* offset */, "buffer" /* strides */, "i32" /* n */],
    "handle",
  ),

  // affine.c
  mlirffi_affine_expr_kind: fn(["handle" /* e */], "i32"),
  mlirffi_affine_expr_facts: fn(["handle" /* ctx record */, "handle" /* e */, "buffer" /* out[6] */], "void"),
  mlirffi_affine_dim: fn(["handle" /* ctx record */, "i32" /* position */], "handle"),
  mlirffi_affine_symbol: fn(["handle" /* ctx record */, "i32" /* position */], "handle"),
  mlirffi_affine_constant: fn(["handle" /* ctx record */, "i64" /* value */], "handle"),
  mlirffi_affine_position: fn(["handle" /* e */], "f64"),
  mlirffi_affine_constant_value: fn(["handle" /* e */], "i64"),
  mlirffi_affine_lhs: fn(["handle" /* e */], "handle"),
  mlirffi_affine_rhs: fn(["handle" /* e */], "handle"),
  mlirffi_affine_binary: fn(["i32" /* kind */, "handle" /* lhs */, "handle" /* rhs */], "handle"),
  mlirffi_affine_expr_is: fn(["i32" /* what */, "handle" /* e */, "i64" /* arg */], "bool"),
  mlirffi_affine_expr_divisor: fn(["handle" /* e */], "i64"),
  mlirffi_affine_expr_transform: fn(
    ["i32" /* what */, "handle" /* e */, "handle" /* map */, "i32" /* a */, "i32" /* b */, "i32" /* c */],
    "handle",
  ),
  mlirffi_affine_print: fn(["i32" /* what */, "handle" /* object */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_affine_map_get: fn(
    ["handle" /* ctx record */, "i32" /* dims */, "i32" /* syms */, "buffer" /* exprs */, "i32" /* n */],
    "handle",
  ),
  mlirffi_affine_map_make: fn(
    ["i32" /* what */, "handle" /* ctx record */, "i32" /* a */, "i32" /* b */, "i64" /* value */],
    "handle",
  ),
  mlirffi_affine_map_permutation: fn(["handle" /* ctx record */, "buffer" /* perm */, "i32" /* n */], "handle"),
  mlirffi_affine_map_info: fn(["handle" /* map */, "buffer" /* out[4] */], "void"),
  mlirffi_affine_map_results: fn(["handle" /* map */, "buffer" /* out */, "i32" /* cap */], "i32"),
  mlirffi_affine_map_single_constant: fn(["handle" /* map */], "i64"),
  mlirffi_affine_map_sub: fn(["handle" /* map */, "buffer" /* positions */, "i32" /* n */], "handle"),
  mlirffi_affine_map_major_minor: fn(["handle" /* map */, "bool" /* minor */, "i32" /* n */], "handle"),
  mlirffi_affine_map_compose: fn(["handle" /* self */, "handle" /* other */], "handle"),
  mlirffi_affine_map_replace: fn(
    ["handle" /* map */, "handle" /* expr */, "handle" /* replacement */, "i32" /* dims */, "i32" /* syms */],
    "handle",
  ),
  mlirffi_affine_map_compress_symbols: fn(["buffer" /* maps */, "i32" /* n */, "buffer" /* out */], "void"),
  mlirffi_integer_set_get: fn(
    [
      "handle", /* ctx record */
      "i32", /* dims */
      "i32", /* syms */
      "buffer", /* exprs */
      "buffer", /* eq (u8 each) */
      "i32", /* n */
    ],
    "handle",
  ),
  mlirffi_integer_set_empty: fn(["handle" /* ctx record */, "i32" /* dims */, "i32" /* syms */], "handle"),
  mlirffi_integer_set_info: fn(["handle" /* set */, "buffer" /* out[5] */], "void"),
  mlirffi_integer_set_constraints: fn(["handle" /* set */, "buffer" /* out (pairs) */, "i32" /* cap */], "i32"),
  mlirffi_integer_set_replace: fn(
    ["handle" /* set */, "buffer" /* dims */, "buffer" /* syms */, "i32" /* num dims */, "i32" /* num syms */],
    "handle",
  ),
  mlirffi_affine_map_attr: fn(["handle" /* map */], "handle"),
  mlirffi_affine_map_attr_value: fn(["handle" /* attr */], "handle"),
  mlirffi_integer_set_attr: fn(["handle" /* set */], "handle"),
  mlirffi_integer_set_attr_value: fn(["handle" /* attr */], "handle"),

  // elements.c
  mlirffi_dense_elements: fn(["handle" /* type */, "i32" /* kind */, "buffer" /* data */, "f64" /* count */], "handle"),
  mlirffi_elements_count: fn(["handle" /* attr */], "f64"),
  mlirffi_dense_elements_is_splat: fn(["handle" /* attr */], "bool"),
  mlirffi_dense_elements_copy: fn(
    ["handle" /* attr */, "i32" /* kind */, "buffer" /* dst */, "f64" /* count */],
    "f64",
  ),
  mlirffi_dense_elements_splat_value: fn(["handle" /* attr */], "handle"),
  mlirffi_dense_elements_from_attrs: fn(["handle" /* type */, "buffer" /* attrs */, "i32" /* n */], "handle"),
  mlirffi_dense_resource: fn(
    [
      "handle", /* type */
      "buffer", /* name */
      "u32", /* name_len */
      "i32", /* kind */
      "buffer", /* data */
      "f64", /* count */
    ],
    "handle",
  ),
  mlirffi_resource_text: fn(["handle" /* ctx record */, "handle" /* attr */], "f64"),
  mlirffi_dense_resource_copy: fn(
    ["handle" /* attr */, "i32" /* kind */, "buffer" /* dst */, "f64" /* count */],
    "f64",
  ),
  mlirffi_dense_array: fn(["handle" /* ctx record */, "i32" /* kind */, "buffer" /* data */, "i32" /* n */], "handle"),
  mlirffi_dense_array_kind: fn(["handle" /* attr */, "buffer" /* out[1] */], "i32"),
  mlirffi_dense_array_copy: fn(["handle" /* attr */, "i32" /* kind */, "buffer" /* dst */, "i32" /* n */], "void"),

  // locations.c
  mlirffi_loc_kind: fn(["handle" /* loc */], "i32"),
  mlirffi_loc_file_range: fn(
    [
      "handle", /* ctx record */
      "buffer", /* file */
      "u32", /* len */
      "u32", /* l1 */
      "u32", /* c1 */
      "u32", /* l2 */
      "u32", /* c2 */
    ],
    "handle",
  ),
  mlirffi_loc_file_position: fn(["handle" /* loc */, "buffer" /* out[4] */], "void"),
  mlirffi_loc_file_name: fn(["handle" /* loc */], "handle"),
  mlirffi_loc_name: fn(
    ["handle" /* ctx record */, "buffer" /* name */, "u32" /* len */, "handle" /* child */],
    "handle",
  ),
  mlirffi_loc_name_name: fn(["handle" /* loc */], "handle"),
  mlirffi_loc_name_child: fn(["handle" /* loc */], "handle"),
  mlirffi_loc_call_site: fn(["handle" /* callee */, "handle" /* caller */], "handle"),
  mlirffi_loc_call_site_callee: fn(["handle" /* loc */], "handle"),
  mlirffi_loc_call_site_caller: fn(["handle" /* loc */], "handle"),
  mlirffi_loc_fused: fn(
    ["handle" /* ctx record */, "buffer" /* locs */, "i32" /* n */, "handle" /* metadata */],
    "handle",
  ),
  mlirffi_loc_fused_size: fn(["handle" /* loc */], "i32"),
  mlirffi_loc_fused_locations: fn(["handle" /* loc */, "buffer" /* out */], "void"),
  mlirffi_loc_fused_metadata: fn(["handle" /* loc */], "handle"),
  mlirffi_loc_equal: fn(["handle" /* a */, "handle" /* b */], "bool"),

  // build.c, structure.c
  mlirffi_op_create: fn(
    [
      "buffer", /* name */
      "u32", /* name_len */
      "handle", /* loc */
      "buffer", /* parts: result types, operands, attribute names, attribute values, successors */
      "i32", /* n_results */
      "i32", /* n_operands */
      "i32", /* n_attrs */
      "i32", /* n_successors */
      "i32", /* regions */
      "bool", /* infer result types */
    ],
    "handle",
  ),
  mlirffi_is_registered_operation: fn(["handle" /* ctx record */, "buffer" /* name */, "u32" /* len */], "bool"),
  mlirffi_region_add_block: fn(
    ["handle" /* region */, "i32" /* pos, -1 = end */, "buffer" /* types */, "buffer" /* locs */, "i32" /* n */],
    "handle",
  ),
  mlirffi_region_take_body: fn(["handle" /* dst */, "handle" /* src */], "void"),
  mlirffi_block_add_argument: fn(["handle" /* block */, "handle" /* type */, "handle" /* loc */], "handle"),
  mlirffi_block_insert_argument: fn(
    ["handle" /* block */, "i32" /* pos */, "handle" /* type */, "handle" /* loc */],
    "handle",
  ),
  mlirffi_block_erase_argument: fn(["handle" /* block */, "i32" /* index */], "void"),
  mlirffi_block_erase: fn(["handle" /* block */], "void"),
  mlirffi_block_num_predecessors: fn(["handle" /* block */], "i32"),
  mlirffi_value_set_location_of_arg: fn(["handle" /* value */, "handle" /* loc */], "void"),
  mlirffi_block_has_outside_references: fn(["handle" /* block */], "bool"),
  mlirffi_op_is_terminator: fn(["handle" /* op */], "bool"),
  mlirffi_same_region: fn(["handle" /* block */, "handle" /* op */], "bool"),

  // symbols.c
  mlirffi_symbol_table_ok: fn(["handle" /* op */], "bool"),
  mlirffi_is_symbol: fn(["handle" /* op */], "bool"),
  mlirffi_symbol_table_lookup: fn(["handle" /* table op */, "buffer" /* name */, "u32" /* len */], "handle"),
  mlirffi_symbol_table_insert: fn(["handle" /* table op */, "handle" /* op */], "handle"),
  mlirffi_symbol_table_erase: fn(["handle" /* table op */, "handle" /* op */], "bool"),
  mlirffi_symbol_replace_all_uses: fn(
    ["buffer" /* old_name */, "u32" /* old_len */, "buffer" /* new_name */, "u32" /* new_len */, "handle" /* from */],
    "bool",
  ),
  mlirffi_symbol_tables: fn(["handle" /* from */, "buffer" /* dst */, "u32" /* cap */], "f64"),

  // pass.c
  mlirffi_pm_parse: fn(["handle" /* ctx record */, "buffer" /* text */, "u32" /* len */, "bool" /* anchored */], "handle"),
  mlirffi_pm_create: fn(["handle" /* ctx record */, "buffer" /* anchor */, "u32" /* len */], "handle"),
  mlirffi_pm_root: fn(["handle" /* pm */], "handle"),
  mlirffi_opm_nest: fn(["handle" /* opm */, "buffer" /* op name */, "u32" /* len */], "handle"),
  mlirffi_opm_add: fn(["handle" /* opm */, "buffer" /* pipeline elements */, "u32" /* len */], "bool"),
  mlirffi_opm_print: fn(["handle" /* opm */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_pm_destroy: fn(["handle" /* pm */], "void"),
  mlirffi_pm_destroy_capture: fn(["handle" /* pm */, "bool" /* capture */], "f64"),
  mlirffi_pm_enable_verifier: fn(["handle" /* pm */, "bool" /* enable */], "void"),
  mlirffi_pm_enable_timing: fn(["handle" /* pm */], "void"),
  mlirffi_pm_enable_ir_printing: fn(["handle" /* pm */, "i32" /* what (bits) */], "void"),
  mlirffi_pm_run: fn(["handle" /* pm */, "handle" /* op */, "bool" /* capture stderr */, "bool" /* big stack */], "bool"),
  mlirffi_pm_print: fn(["handle" /* pm */, "buffer" /* dst */, "u32" /* cap */], "f64"),

  // bytecode.c
  mlirffi_op_write_bytecode: fn(["handle" /* op */, "f64" /* version, < 0: current */], "f64"),

  // jit.c
  mlirffi_jit_destroy: fn(["handle" /* jit */], "void"),
  mlirffi_jit_has: fn(["handle" /* jit */, "buffer" /* name */, "u32" /* len */], "bool"),
  mlirffi_jit_dump_object: fn(["handle" /* jit */, "buffer" /* path */, "u32" /* len */], "void"),

  // jit_calls.c
  mlirffi_jit_load_library: fn(["buffer" /* path, NUL-terminated */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_jit_create_deferred: fn(
    [
      "handle", /* ctx record */
      "handle", /* module op, in the LLVM dialect */
      "i32", /* opt level */
      "buffer", /* libs: NUL-terminated paths, one after another */
      "i32", /* nlibs */
      "bool", /* object dump */
    ],
    "handle",
  ),
  mlirffi_jit_initialize: fn(["handle" /* jit */], "void"),
  mlirffi_jit_register_symbol: fn(["handle" /* jit */, "buffer" /* name */, "u32" /* len */, "pointer" /* sym */], "void"),
  mlirffi_jit_process_has_symbol: fn(["buffer" /* name, NUL-terminated */], "bool"),
  mlirffi_jit_lookup: fn(["handle" /* jit */, "buffer" /* name */, "u32" /* len */, "bool" /* packed */], "handle"),
  mlirffi_jit_stage_memref: fn(["i32" /* index, 8 or more */, "buffer" /* data */], "void"),
  mlirffi_jit_call: fn(
    [
      "handle", /* jit */
      "buffer", /* name */
      "u32", /* len */
      "buffer", /* storage */
      "buffer", /* offsets (int32) */
      "buffer", /* kinds (int32): 0 scalar, k > 0 memref argument k - 1, < 0 memref result */
      "i32", /* nargs */
      "bool", /* big stack */
      "buffer", /* m0 */
      "buffer", /* m1 */
      "buffer", /* m2 */
      "buffer", /* m3 */
      "buffer", /* m4 */
      "buffer", /* m5 */
      "buffer", /* m6 */
      "buffer", /* m7 */
    ],
    "bool",
  ),
  mlirffi_jit_take_memref: fn(
    [
      "buffer", /* storage */
      "i32", /* offset of the descriptor */
      "i32", /* rank */
      "i32", /* elem size */
      "buffer", /* out, or null */
      "bool", /* owned */
    ],
    "void",
  ),
  mlirffi_translate_to_llvm_ir: fn(["handle" /* ctx record */, "handle" /* module op */, "buffer" /* dst */, "u32" /* cap */], "f64"),

  // heap.c
  mlirffi_heap_in_use: fn([], "f64"),
  // dialect_types.c
  mlirffi_dialect_type_kind: fn(["handle" /* type */], "i32"),
  mlirffi_dialect_attr_kind: fn(["handle" /* attr */], "i32"),
  mlirffi_llvm_pointer_type: fn(["handle" /* ctx record */, "f64" /* address_space */], "handle"),
  mlirffi_llvm_pointer_address_space: fn(["handle" /* t */], "f64"),
  mlirffi_llvm_void_type: fn(["handle" /* ctx record */], "handle"),
  mlirffi_llvm_array_type: fn(["handle" /* loc */, "handle" /* element */, "f64" /* count */], "handle"),
  mlirffi_llvm_array_element: fn(["handle" /* t */], "handle"),
  mlirffi_llvm_function_check: fn(["handle" /* result */, "buffer" /* args */, "i32" /* n */], "i32"),
  mlirffi_llvm_function_type: fn(["handle" /* result */, "buffer" /* args */, "i32" /* n */, "bool" /* var_arg */], "handle"),
  mlirffi_llvm_function_num_inputs: fn(["handle" /* t */], "i32"),
  mlirffi_llvm_function_input: fn(["handle" /* t */, "i32" /* i */], "handle"),
  mlirffi_llvm_function_return: fn(["handle" /* t */], "handle"),
  mlirffi_llvm_struct_literal: fn(["handle" /* loc */, "buffer" /* elements */, "i32" /* n */, "bool" /* packed */], "handle"),
  mlirffi_llvm_struct_named: fn(["handle" /* ctx record */, "buffer" /* name */, "u32" /* len */, "i32" /* kind */], "handle"),
  mlirffi_llvm_struct_new_identified: fn(
    ["handle" /* loc */, "buffer" /* name */, "u32" /* len */, "buffer" /* elements */, "i32" /* n */, "bool" /* packed */],
    "handle",
  ),
  mlirffi_llvm_struct_set_body: fn(
    ["handle" /* loc */, "handle" /* t */, "buffer" /* elements */, "i32" /* n */, "bool" /* packed */],
    "i32",
  ),
  mlirffi_llvm_struct_flags: fn(["handle" /* t */], "i32"),
  mlirffi_llvm_struct_num_elements: fn(["handle" /* t */], "i32"),
  mlirffi_llvm_struct_element: fn(["handle" /* t */, "i32" /* i */], "handle"),
  mlirffi_llvm_struct_name: fn(["handle" /* t */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_gpu_async_token_type: fn(["handle" /* ctx record */], "handle"),
  mlirffi_gpu_object_attr: fn(
    [
      "handle", /* ctx record */
      "handle", /* target */
      "i32", /* format */
      "buffer", /* object */
      "u32", /* len */
      "handle", /* props (0: none) */
      "handle", /* kernels (0: none) */
    ],
    "handle",
  ),
  mlirffi_gpu_object_attr_target: fn(["handle" /* a */], "handle"),
  mlirffi_gpu_object_attr_format: fn(["handle" /* a */], "i32"),
  mlirffi_gpu_object_attr_object: fn(["handle" /* a */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_gpu_object_attr_properties: fn(["handle" /* a */], "handle"),
  mlirffi_gpu_object_attr_kernels: fn(["handle" /* a */], "handle"),
  mlirffi_quant_any_type: fn(
    ["bool" /* is_signed */, "handle" /* storage */, "handle" /* expressed */, "f64" /* min */, "f64" /* max */],
    "handle",
  ),
  mlirffi_quant_uniform_type: fn(
    [
      "bool", /* is_signed */
      "handle", /* storage */
      "handle", /* expressed */
      "f64", /* scale */
      "f64", /* zero_point */
      "f64", /* min */
      "f64", /* max */
    ],
    "handle",
  ),
  mlirffi_quant_per_axis_type: fn(
    [
      "bool", /* is_signed */
      "handle", /* storage */
      "handle", /* expressed */
      "buffer", /* scales */
      "buffer", /* zero_points */
      "i32", /* n */
      "i32", /* dim */
      "f64", /* min */
      "f64", /* max */
    ],
    "handle",
  ),
  mlirffi_quant_calibrated_type: fn(["handle" /* expressed */, "f64" /* min */, "f64" /* max */], "handle"),
  mlirffi_quant_info: fn(["handle" /* type */, "buffer" /* out */], "void"),
  mlirffi_quant_default_bound: fn(["bool" /* is_signed */, "i32" /* width */, "bool" /* max */], "f64"),
  mlirffi_quant_cast: fn(["handle" /* type */, "handle" /* candidate */, "i32" /* op */], "handle"),
  mlirffi_quant_cast_self: fn(["handle" /* type */, "i32" /* op */], "handle"),
  mlirffi_quant_uniform_scale: fn(["handle" /* t */], "f64"),
  mlirffi_quant_uniform_zero_point: fn(["handle" /* t */], "f64"),
  mlirffi_quant_is_fixed_point: fn(["handle" /* t */], "bool"),
  mlirffi_quant_per_axis_info: fn(["handle" /* t */, "buffer" /* out */, "i32" /* cap */], "i32"),
  mlirffi_quant_per_axis_dimension: fn(["handle" /* t */], "i32"),
  mlirffi_quant_sub_channel_info: fn(["handle" /* t */, "buffer" /* out */, "i32" /* cap */], "i32"),
  mlirffi_quant_sub_channel_attr: fn(["handle" /* t */, "bool" /* zero_points */], "handle"),
  mlirffi_quant_calibrated_bound: fn(["handle" /* t */, "bool" /* max */], "f64"),
  mlirffi_transform_simple_type: fn(["handle" /* ctx record */, "i32" /* kind */], "handle"),
  mlirffi_transform_operation_type: fn(["handle" /* ctx record */, "buffer" /* name */, "u32" /* len */], "handle"),
  mlirffi_transform_operation_type_name: fn(["handle" /* t */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_transform_param_type: fn(["handle" /* ctx record */, "handle" /* type */], "handle"),
  mlirffi_transform_param_type_type: fn(["handle" /* t */], "handle"),
  mlirffi_nvgpu_tensor_map_descriptor_type: fn(
    [
      "handle", /* ctx record */
      "handle", /* memref */
      "i32", /* swizzle */
      "i32", /* l2promo */
      "i32", /* oob */
      "i32", /* interleave */
    ],
    "handle",
  ),
  mlirffi_amdgpu_tdm_type: fn(["handle" /* ctx record */, "i32" /* kind */, "handle" /* element */, "handle" /* index */], "handle"),
  mlirffi_sparse_encoding: fn(
    [
      "handle", /* ctx record */
      "buffer", /* levels */
      "i32", /* rank */
      "handle", /* dim_to_lvl */
      "handle", /* lvl_to_dim (0: inferred) */
      "i32", /* pos_width */
      "i32", /* crd_width */
      "handle", /* explicit_val (0: none) */
      "handle", /* implicit_val (0: none) */
    ],
    "handle",
  ),
  mlirffi_sparse_encoding_rank: fn(["handle" /* a */], "i32"),
  mlirffi_sparse_encoding_level: fn(["handle" /* a */, "i32" /* i */], "f64"),
  mlirffi_sparse_encoding_part: fn(["handle" /* a */, "i32" /* what */], "handle"),
  mlirffi_sparse_encoding_width: fn(["handle" /* a */, "bool" /* crd */], "i32"),
  // dialect_types_more.c
  mlirffi_pdl_simple_type: fn(["handle" /* ctx record */, "i32" /* kind */], "handle"),
  mlirffi_pdl_range_element_ok: fn(["handle" /* element */], "bool"),
  mlirffi_pdl_range_type: fn(["handle" /* element */], "handle"),
  mlirffi_pdl_range_element: fn(["handle" /* t */], "handle"),
  mlirffi_emitc_simple_type: fn(["handle" /* ctx record */, "i32" /* kind */], "handle"),
  mlirffi_emitc_array_type: fn(["buffer" /* shape */, "i32" /* n */, "handle" /* element */], "handle"),
  mlirffi_emitc_array_shape: fn(["handle" /* t */, "buffer" /* out */, "i32" /* cap */], "i32"),
  mlirffi_emitc_array_element: fn(["handle" /* t */], "handle"),
  mlirffi_emitc_wrapper_type: fn(["handle" /* inner */, "i32" /* kind */], "handle"),
  mlirffi_emitc_opaque_type: fn(["handle" /* ctx record */, "buffer" /* value */, "u32" /* len */], "handle"),
  mlirffi_emitc_opaque_attr: fn(["handle" /* ctx record */, "buffer" /* value */, "u32" /* len */], "handle"),
  mlirffi_emitc_opaque_attr_value: fn(["handle" /* a */, "buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_complex_number_attr: fn(["handle" /* loc */, "handle" /* type */, "f64" /* real */, "f64" /* imag */], "handle"),
  mlirffi_complex_number_part: fn(["handle" /* a */, "i32" /* part */], "f64"),
  // typeid.c
  mlirffi_type_type_id: fn(["handle" /* type */], "handle"),
  mlirffi_attr_type_id: fn(["handle" /* attr */], "handle"),
  mlirffi_op_type_id: fn(["handle" /* op */], "handle"),
  mlirffi_static_type_id: fn(["i32" /* which */], "handle"),
  mlirffi_static_type_id_count: fn([], "i32"),

  // uses.c
  mlirffi_value_replace_all_uses_except: fn(
    ["handle" /* of */, "handle" /* with */, "buffer" /* exceptions (op handles) */, "i32" /* n */],
    "void",
  ),

  // printing.c
  mlirffi_op_print_limits: fn(
    [
      "handle", /* op */
      "i32", /* flags */
      "f64", /* large_elements_limit */
      "f64", /* large_resource_limit */
      "buffer", /* dst */
      "u32", /* cap */
    ],
    "f64",
  ),

  // statistics.c
  mlirffi_pm_enable_statistics: fn(["handle" /* pm */, "i32" /* mode */], "void"),
  // registry.c
  mlirffi_registry_create: fn([], "handle"),
  mlirffi_registry_destroy: fn(["handle" /* r */], "void"),
  mlirffi_registry_insert: fn(["handle" /* r */, "buffer" /* name */, "u32" /* len */], "bool"),
  mlirffi_registry_insert_all: fn(["handle" /* r */], "void"),
  mlirffi_registry_known_dialects: fn(["buffer" /* dst */, "u32" /* cap */], "f64"),
  mlirffi_context_create_with_registry: fn(["handle" /* r */, "bool" /* allow_unregistered */, "bool" /* threading */], "handle"),
  mlirffi_context_append_registry: fn(["handle" /* c */, "handle" /* r */], "void"),
  mlirffi_context_num_registered_dialects: fn(["handle" /* c */], "i32"),
  mlirffi_context_num_loaded_dialects: fn(["handle" /* c */], "i32"),
  mlirffi_context_load_dialect: fn(["handle" /* c */, "buffer" /* name */, "u32" /* len */], "bool"),
  mlirffi_context_load_all_available_dialects: fn(["handle" /* c */], "void"),

  // threads.c
  mlirffi_thread_pools_live: fn([], "i32"),
  mlirffi_thread_pool_create: fn([], "handle"),
  mlirffi_thread_pool_release: fn(["handle" /* pool */], "void"),
  mlirffi_context_set_thread_pool: fn(["handle" /* c */, "handle" /* pool */], "void"),
  mlirffi_context_num_threads: fn(["handle" /* c */], "i32"),

  // irdl.c
  mlirffi_irdl_load_dialects: fn(["handle" /* module_op */], "bool"),

  // interfaces.c
  mlirffi_op_implements_interface: fn(["handle" /* op */, "i32" /* iface */], "bool"),
  mlirffi_op_name_implements_interface: fn(["handle" /* c */, "buffer" /* name */, "u32" /* len */, "i32" /* iface */], "bool"),
  mlirffi_infer_results: fn(
    [
      "handle", /* c */
      "buffer", /* name */
      "u32", /* len */
      "handle", /* loc */
      "buffer", /* operands */
      "i32", /* n_operands */
      "buffer", /* attr_names */
      "buffer", /* attr_values */
      "i32", /* n_attrs */
      "bool", /* shaped */
    ],
    "i32",
  ),
  mlirffi_infer_take: fn(["buffer" /* dst */, "u32" /* cap */], "void"),
} as const satisfies Record<string, Signature>;

/** The names of all native functions. */
export type SymbolName = keyof typeof symbols;

/** A typed array the native side reads or writes in place. */
export type BufferArg = ArrayBufferView | null;

type JsValue<K extends Kind> = K extends "void" ? void
  : K extends "bool" ? boolean
  : K extends "buffer" ? BufferArg
  : K extends "pointer" ? unknown
  : K extends "u64" | "i64" ? bigint
  : number;

type JsParameters<P extends readonly Kind[]> = { -readonly [I in keyof P]: JsValue<P[I]> };

/** A loaded table: one JS function per native symbol, typed from its kinds. */
export type Binding<T extends Record<string, Signature>> = {
  readonly [N in keyof T]: (...args: JsParameters<T[N]["parameters"]>) => JsValue<T[N]["result"]>;
};

/** The loaded library: one JS function per native symbol. */
export type NativeLibrary = Binding<typeof symbols>;
