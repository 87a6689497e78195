"""Upstream syntax xDSL 0.74 lacks (ir_studio.dialects.extensions): files printed by
mlir-opt parse, what ir-studio prints back is accepted by mlir-opt and parses again to
the same text, and names declared by the custom syntax are in the index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ir_studio.document import build_document
from ir_studio.index import DocumentIndex
from ir_studio.printing import print_ir
from ir_studio.testing import span_of, text_at
from tests.differential.oracle import CORPUS

FILES = {
    "memref_custom_syntax.mlir": ("memref.cast %m", "memref.copy %", "memref.atomic_rmw addf",
                                  "memref.alloca_scope -> f32", "memref.rank %m"),
    "gpu_kernels_and_launches.mlir": ("gpu.module @kernels {", ") kernel {",
                                      "gpu.thread_id x", "gpu.launch_func @kernels::@k blocks in",
                                      "gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1",
                                      "gpu.alloc async [%t] ()"),
    "parallel_loops_and_affine_if.mlir": ("scf.parallel (%i, %j) = (%c0, %c0) to",
                                          "init (%zero) -> f32", "affine.if affine_set<",
                                          "} else {", "affine.parallel (",
                                          "(max(0, %n + -4)) to (min(16, %n)) step (2)"),
    "index_castui_shape_cast_generate_call_indirect.mlir": (
        "arith.index_castui %a : index to i32", "vector.shape_cast %v",
        "tensor.generate %n {", "func.constant @ext : (i32) -> i32",
        "func.call_indirect %f(%0) : (i32) -> i32"),
    "shaped_casts_compares_select.mlir": (
        "arith.extui %0 : vector<4xi1> to vector<4xi32>",
        "arith.select %0, %1, %b : vector<4xi1>, vector<4xi32>",
        "arith.cmpf olt, %t, %t : tensor<2x3xf32>", "arith.select %cond, %2, %b : vector<4xi32>",
        "scf.if %cond -> (vector<4xi32>) {"),
    "llvm_pointer_compare_and_switch.mlir": (
        'llvm.icmp "eq" %p, %z : !llvm.ptr', "llvm.switch %v : i64, ^bb1(%f : f32) [",
        "4: ^bb1(%f : f32),", "9: ^bb2\n"),
    "linalg_named_contractions.mlir": (
        "linalg.batch_matmul ins(%a, %b : tensor<2x4x8xf32>, tensor<2x8x16xf32>)",
        "linalg.matvec ins(", "linalg.vecmat ins(", "linalg.dot ins("),
    "vector_contract.mlir": (
        'iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} '
        "%a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>",
        ": vector<8xf32>, vector<8xf32> into f32"),
    "index_dialect.mlir": ("index.constant 4", "index.ceildivs %1, %b", "index.cmp slt(%3, %b)",
                           "index.casts %i : i32 to index", "index.bool.constant true",
                           "index.sizeof"),
    "llvm_lowering_output.mlir": (
        "llvm.mlir.poison : !llvm.struct<", "llvm.getelementptr inbounds|nuw %p[%i]",
        "llvm.getelementptr nusw %2[1]", "llvm.fptosi %f : f32 to i32",
        "llvm.extractelement %v[%i : i64] : vector<4xf32>",
        "llvm.atomicrmw fadd %p, %6 monotonic : !llvm.ptr, f32",
        "llvm.intr.smax(%4, %4) : (i32, i32) -> i32", '"llvm.intr.ctlz"(%4)',
        "llvm.select %c, %v, %v : vector<4xi1>, vector<4xf32>"),
    "linalg_map_bufferization_affine_symbols.mlir": (
        "linalg.map ins(%a, %b : tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>)",
        "arith.addf", "bufferization.to_tensor %buf : memref<2x3xf32, strided<[?, ?], "
        "offset: ?>> to tensor<2x3xf32>", "to (16, %n)"),
    "memref_dma_reshape_prefetch.mlir": (
        "memref.alloc() : memref<128xf16>\n",  # identity layout and space 0 dropped
        "memref.dma_start %host[%zero], %device[%zero], %count, %sem[%zero] : "
        "memref<128xf16>, memref<128xf16, 2 : i64>, memref<1xi64>",
        "memref.dma_wait %sem[%zero], %count : memref<1xi64>",
        "memref.prefetch %host[%zero], read, locality<3>, data : memref<128xf16>",
        "memref.copy %a, %b : memref<*xf16> to memref<*xf16>",
        "memref.reshape %flat(%dims) : (memref<*xf16>, memref<2xi64>) -> memref<?x?xf16>"),
    "vector_shuffles_masks_reductions.mlir": (
        "vector.transpose %rows, [1, 0] : vector<4x8xf32> to vector<8x4xf32>",
        "vector.step : vector<4xindex>", "vector.from_elements %s, %s : vector<2xf32>",
        "vector.multi_reduction <add>, %rows, %col [1] : vector<4x8xf32> to vector<4xf32>",
        "vector.constant_mask [2] : vector<4xi1>",
        "vector.gather %buf[%at] [%lanes], %firsttwo, %col : memref<64xf32>",
        "vector.mask %firsttwo, %col {", "vector.print %m : vector<4xf32>"),
    "scf_forall_tensor_rank_bitcast.mlir": (
        "scf.forall (%t) in (%four) shared_outs(%dst = %acc) -> (tensor<16xf32>) {",
        "scf.forall.in_parallel {",
        "tensor.parallel_insert_slice %piece into %dst[%at] [4] [1]",
        "scf.forall (%i, %j) = (0, 0) to (%n, 8) step (2, 1) {",
        "} {mapping = [#gpu.thread<x>, #gpu.thread<y>]}",
        "tensor.rank %acc : tensor<16xf32>",
        "tensor.bitcast %piece : tensor<4xf32> to tensor<4xi32>"),
    "arith_remf_affine_min_max.mlir": (
        "arith.remf %x, %y : f32", "affine.max affine_map<(d0) -> ((d0 + -2), 0)> (%n)"),
    "gpu_collectives_printf.mlir": (
        "gpu.thread_id x upper_bound 32", "gpu.all_reduce add %x uniform {",
        "%next, %ok = gpu.shuffle down %x, %one, %width : f32",
        "gpu.subgroup_reduce add %x cluster(size = 4) : (f32) -> f32",
        'gpu.printf "lane %lld total %f\\0A", %lane, %total : index, f32',
        "gpu.func @staged(%x: f32) workgroup(%tile: memref<32xf32, "
        "#gpu.address_space<workgroup>>) private(%tmp: memref<1xf32, "
        "#gpu.address_space<private>>) kernel {"),
    "linalg_elementwise_reduce_transposed_matmul.mlir": (
        "linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, "
        "affine_map<(d0, d1, d2) -> (d1, d2)>",
        "linalg.negf ins(%x : tensor<4x8xf32>)", "linalg.div ins(%x, %neg",
        "linalg.abs ins(%ratio", "linalg.reduce ins(%mag",
        "linalg.batch_reduce_matmul ins(%q, %k",
        "linalg.softmax dimension(1) ins(%x : tensor<4x8xf32>)"),
    "linalg_pooling_depthwise.mlir": (
        "linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> "
        ": tensor<2xi64>} ins(%in, %win", "linalg.pooling_nhwc_sum {",
        "linalg.depthwise_conv_2d_nhwc_hwc {", "linalg.pooling_nchw_sum {",
        "linalg.pooling_nhwc_min {"),
    "affine_index_ops_prefetch.mlir": (
        "affine.delinearize_index %flat into (%rows, 32) : index, index",
        "affine.linearize_index disjoint [%r, %r_1] by (%rows, 32) : index",
        "affine.prefetch %buf[%flat + 1, %rows], read, locality<3>, data"),
    "gpu_launch_workgroup.mlir": (
        "threads(%tx, %ty, %tz) in (%sx = %c16, %sy = %c1, %sz = %c1) "
        "workgroup(%tile: memref<16xf32, #gpu.address_space<workgroup>>) {",),
    "math_classification_sincos_clamp.mlir": (
        "math.isnan %x : f32", "math.isinf %v : vector<4xf32>",
        "%s, %c = math.sincos %x fastmath<nnan,ninf> : f32",
        "math.clampf %s to [%lo, %hi] : f32", "math.erfc %clamped fastmath<fast> : f32"),
    "fid_linalg_generated_named_ops.mlir": (
        "linalg.conv_1d_nwc_wcf ins(%in, %w : tensor<1x10x3xf32>",
        "linalg.conv_2d_nchw_fchw {strides = dense<2> : tensor<2xi64>} ins(",
        "linalg.depthwise_conv_1d_nwc_wcm {dilations = dense<2> : tensor<1xi64>} ins(",
        "linalg.pooling_nhwc_max_unsigned ins(", "linalg.mmt4d ins(", "linalg.batch_vecmat ins(",
        "linalg.matmul ins(%a, %b : tensor<2x3xcomplex<f32>>",
        "} -> (tensor<i32>, tensor<i32>)"),
    "fid_arith_scf_optional_words.mlir": (
        "arith.index_cast %m : memref<4xindex> to memref<4xi32>",
        "arith.truncf %f to_nearest_even : f32 to bf16",
        "arith.truncf %f downward fastmath<fast> : f32 to f16",
        "arith.extf %h fastmath<nnan> : f16 to f32",
        "scf.for unsigned %i_1 = %lb to %ub step %s iter_args(%a = %lb) -> (i32) : i32 {"),
    "fid_tensor_gather_scatter_reshape_pad.mlir": (
        "tensor.reshape %t(%s) : (tensor<*xf32>, tensor<1xi32>) -> tensor<?xf32>",
        "} : tensor<?x?xf32> to tensor<2x3xf32>",
        "tensor.gather %t[%i] gather_dims([0, 2]) unique : (tensor<4x5x6xf32>",
        "tensor.scatter %0 into %d[%i] scatter_dims([0, 2]) unique : ("),
    "fid_multi_value_reductions_branch_weights.mlir": (
        "scf.reduce(%one, %ione : f32, i32) {", "}, {",
        'reduce ("minimumf", "maximumf") -> (f32, f32) {',
        "cf.cond_br %c weights([60, 40]), ^bb1(%x : i32), ^bb2"),
    "fid_memref_vector_gpu_bufferization.mlir": (
        "memref.transpose %m (d0, d1) -> (d1, d0) : memref<?x?xf32> to",
        "memref.rank %u : memref<*xf32>", "vector.contract {indexing_maps = [",
        "gpu.subgroup_id : index", "gpu.subgroup_size upper_bound 64 : index",
        "gpu.lane_id upper_bound 64\n",
        "bufferization.materialize_in_destination %t in restrict writable %buf : (",
        "bufferization.dealloc_tensor %t : tensor<?xf32>"),
    "fid_transform_schedule.mlir": (
        "transform.get_parent_op %mm {isolated_from_above} : (!transform.any_op) -> ",
        "transform.structured.vectorize %t vector_sizes [4, [8], 2] : !transform.any_op",
        "transform.apply_patterns to %func {", "transform.apply_licm to %all : ",
        "transform.loop.unroll %all {factor = 4 : i64} : !transform.any_op",
        "transform.split_handle %all : (!transform.any_op) -> (",
        "transform.foreach %mm : !transform.any_op {",
        "transform.collect_matching @match in %module : (",
        "transform.sequence %0 : !transform.any_op failures(suppress) {"),
    "fid_transform_tiling_fusion.mlir": (
        "transform.structured.tile_using_forall %mm tile_sizes [4, %n] (mapping = [",
        "transform.structured.tile_using_forall %mm num_threads [2, 0] : (",
        "transform.structured.fuse_into_containing_op %fill into %forall : (",
        "transform.structured.tile_reduction_using_for %mm reduction_dims = [2] by "
        "tile_sizes = [0, 0, 5] : ("),
    "fid_llvm_packed_structs_constrained_casts.mlir": (
        "llvm.intr.experimental.constrained.fptrunc %a towardzero ignore : f32 to f16",
        "llvm.intr.experimental.constrained.fpext %0 strict : f16 to f32",
        "!llvm.struct<packed (i8, i32)>", "!llvm.struct<packed ()>",
        '!llvm.struct<"named", packed (i8, i64)>'),
    "fid_dlti_entry_forms.mlir": (
        '#dlti.dl_spec<index = 32 : i64, "dlti.endianness" = "little">',
        '"dlti.L1_cache_size_in_bytes" = 4096 : ui32'),
    "fid_semi_affine_maps.mlir": (
        "affine.apply affine_map<(d0)[s0] -> ((d0 * s0))> (%a)[%b]",
        "affine_map<()[s0, s1] -> ((s0 ceildiv s1))>",
        "memref<?xf32, affine_map<(d0)[s0] -> ((d0 * s0))>>"),
    "fid_linalg_contract_elementwise.mlir": (
        "linalg.contract indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>",
        "linalg.elementwise kind=#linalg.elementwise_kind<add> ins(%a, %b : ",
        "linalg.elementwise kind=#linalg.elementwise_kind<select> ins(%m, %0, %1 : "),
    "fid_vector_compress_expand_elements.mlir": (
        "vector.compressstore %m[%c], %mask, %v : memref<?xf32>, vector<16xi1>, ",
        "vector.expandload %m[%c], %mask, %v : memref<?xf32>, vector<16xi1>, vector<16xf32> "
        "into vector<16xf32>", "vector.type_cast %b : memref<8x8xf32> to ",
        "vector.deinterleave %w : vector<8xi8> -> vector<4xi8>",
        "vector.to_elements %p : vector<2xf32>", "vector.vscale\n"),
    "fid_memref_strided_dma.mlir": (
        "memref.dma_start %a[%c0, %c0], %b[%c0, %c0], %n, %tag[%c0], %stride, %per : ",),
    "fid_gpu_clusters_alloc_symbols.mlir": (
        "gpu.launch clusters(%cx, %cy, %cz) in (%sx = %c1, %sy = %c1, %sz = %c1) blocks(",
        "%s = arith.addi %cx, %sx : index", "gpu.alloc (%n)[%s] : memref<?xf32, ",
        "gpu.alloc async [%t] (%n)[%s] : ", "gpu.cluster_dim y upper_bound 8\n"),
    "fid_gpu_launch_func_stream.mlir": (
        "gpu.launch_func <%s : !llvm.ptr> @kernels::@k blocks in (%n, %n, %n) threads in "
        "(%n, %n, %n) : i64 args(%x : f32)",
        "gpu.launch_func async [%t] @kernels::@k clusters in (%i, %i, %i) blocks in"),
    "fid_transform_handle_ops.mlir": (
        "transform.get_consumers_of_result %ops[0] : (", '"linalg.matmul" in %ops : (',
        'transform.cast %s : !transform.any_op to !transform.op<"linalg.matmul">',
        "transform.merge_handles deduplicate %c, %p : !transform.any_op",
        "transform.include @inner failures(propagate) (%m) : ("),
    "fid_llvm_cmpxchg_fence_ctors.mlir": (
        "llvm.mlir.global_ctors ctors = [@init], priorities = [0 : i32], data = [#llvm.zero]",
        "llvm.cmpxchg %p, %a, %b acq_rel monotonic : !llvm.ptr, i32",
        'llvm.cmpxchg weak volatile %p, %a, %b syncscope("agent") seq_cst seq_cst',
        'llvm.fence syncscope("agent") seq_cst', "llvm.va_arg %p : (!llvm.ptr) -> i32"),
    "fid_atomic_realloc_scalable_scan_powi.mlir": (
        "memref.generic_atomic_rmw %m[%i] : memref<10xf32> {", "memref.atomic_yield %inc : f32",
        "memref.realloc %d(%n) : memref<?xf32> to memref<?xf32>",
        "vector.scalable.extract %v[4] : vector<[4]xf32> from vector<[8]xf32>",
        "vector.scan <add>, %s, %init {inclusive = true, reduction_dim = 0 : i64} : ",
        "complex.powi %z, %n fastmath<nnan> : complex<f32>, i32"),
    "fid_linalg_pack_unpack.mlir": (
        "linalg.pack %src padding_value(%zero : f32) outer_dims_perm = [1, 0] inner_dims_pos"
        " = [0, 1] inner_tiles = [8, 8] into %dest : tensor<13x15xf32> -> ",
        "inner_tiles = [8, %t] into %d2", "linalg.unpack %p outer_dims_perm = [1, 0] "),
    "fid_vector_scalable_0d_trait_aliases.mlir": (
        "vector.constant_mask [0] : vector<i1>",
        "vector.bitcast %arg3 : vector<8x2x1xindex> to vector<8x2x2xf32>",
        'kind = #vector.kind<maxnumf>} %arg0, %arg1, %f0 {first_attr = 1 : i32, '
        'second_attr = "string"} : vector<10xf32>, vector<10xf32> into f32'),
    "fid_vector_memory_of_vectors_scatter.mlir": (
        "vector.load %memref[%i, %j] : memref<200x100xvector<8xf32>>, vector<8xf32>",
        "vector.scatter %base[%c0, %c0] [%v], %mask, %0 : memref<?x?xf32>, vector<16xi32>",
        "vector.transpose %arg0, [] : vector<f32> to vector<f32>"),
    "fid_bufferization_dealloc.mlir": (
        "bufferization.dealloc (%a, %b : memref<2xf32>, memref<4xi32>) if (%c, %d) retain (",
        "bufferization.dealloc (%a : memref<2xf32>) if (%c)\n", "bufferization.dealloc\n"),
    "fid_vector_masks_scans_interleaves.mlir": (
        "vector.yield %arg0 : vector<16xf32>",
        "vector.deinterleave %n : vector<2x3x4x[6]xf32> -> vector<2x3x4x[3]xf32>",
        "vector.reduction <minnumf>, %x fastmath<reassoc,nnan,ninf> : vector<42xf32> into f32"),
    "fid_llvm_casts_loads_stores_vectors.mlir": (
        "llvm.uitofp nneg %arg0 : i32 to f32", "llvm.alloca inalloca %size x i32 ",
        "llvm.mlir.zero : i8",
        'llvm.load volatile %ptr atomic syncscope("singlethread") monotonic {alignment = 16 ',
        "llvm.load %ptr invariant_group {alignment = 4 : i64} : !llvm.ptr -> i32",
        "llvm.store %val, %ptr invariant_group : i32, !llvm.ptr",
        "llvm.intr.vector.extract %0[0] : vector<8xf32> from vector<[4]xf32>"),
}


def _printed(path: Path) -> str:
    document = build_document(str(path), 0, path.read_text())
    assert document.diagnostics == (), [d.message for d in document.diagnostics]
    return print_ir(document.chunks[0].module)


@pytest.mark.parametrize("name", sorted(FILES))
def test_prints_custom_syntax_and_reaches_a_fixed_point(name: str) -> None:
    printed = _printed(CORPUS / "valid" / name)
    for fragment in FILES[name]:
        assert fragment in printed, f"{fragment!r} missing from:\n{printed}"
    assert '"memref.' not in printed
    assert '"gpu.' not in printed
    again = build_document("again.mlir", 0, printed)
    assert again.diagnostics == (), [d.message for d in again.diagnostics]
    assert print_ir(again.chunks[0].module) == printed


@pytest.mark.oracle
@pytest.mark.parametrize("name", sorted(FILES))
def test_mlir_opt_accepts_what_ir_studio_prints(mlir_opt: str, name: str,
                                                tmp_path: Path) -> None:
    out = tmp_path / name
    out.write_text(_printed(CORPUS / "valid" / name))
    result = subprocess.run([mlir_opt, str(out), "-o", "/dev/null"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_names_declared_by_custom_syntax_are_indexed() -> None:
    text = (CORPUS / "valid" / "gpu_kernels_and_launches.mlir").read_text()
    index = DocumentIndex(build_document("g.mlir", 0, text))
    use = span_of(text, "%tx]")
    assert [text_at(text, s) for s in index.definition(use.start + 1)] == ["%tx"]
    assert [s.start for s in index.definition(use.start + 1)] == [
        span_of(text, "%tx, %ty").start]
    loops = (CORPUS / "valid" / "parallel_loops_and_affine_if.mlir").read_text()
    index = DocumentIndex(build_document("l.mlir", 0, loops))
    use = span_of(loops, "%m[%i, %j]")
    definition = index.definition(use.start + len("%m[") + 1)
    assert [(s.start, text_at(loops, s)) for s in definition] == [
        (span_of(loops, "%i, %j) = (%c0").start, "%i")]


def test_errors_inside_custom_syntax_point_at_the_token() -> None:
    text = "gpu.module @k {\n  gpu.func @f() kernel {\n    %t = gpu.thread_id w\n" \
           "    gpu.return\n  }\n}\n"
    document = build_document("bad.mlir", 0, text)
    [diagnostic] = document.diagnostics
    assert text_at(text, diagnostic.span) == "w"
    assert diagnostic.message == "expected 'x', 'y' or 'z', got 'w'"


def test_ops_built_by_code_print_with_custom_syntax_in_a_fresh_process() -> None:
    """No parse loaded the memref dialect here: print_ir installs the syntax itself."""
    script = (
        "from xdsl.dialects import memref\n"
        "from xdsl.dialects.builtin import DYNAMIC_INDEX, MemRefType, ModuleOp, f32\n"
        "from xdsl.ir import Block, Region\n"
        "from ir_studio.printing import print_ir\n"
        "block = Block(arg_types=[MemRefType(f32, [4])])\n"
        "block.add_op(memref.CastOp.get(block.args[0], MemRefType(f32, [DYNAMIC_INDEX])))\n"
        "print(print_ir(ModuleOp(Region([Block([memref.AllocaScopeOp.create(\n"
        "    regions=[Region(block)])])]))))\n"
    )
    result = subprocess.run([sys.executable, "-P", "-c", script], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "memref.cast %0 : memref<4xf32> to memref<?xf32>" in result.stdout
    assert '"memref.cast"' not in result.stdout


def test_editor_features_know_the_added_ops() -> None:
    """Completion after `vector.` offers the added ops with their documentation, and
    hover on one shows it: the editor sees the same dialects the parser does."""
    from ir_studio.ide.completion import complete
    from ir_studio.ide.hover import hover_op

    text = "func.func @f(%v: vector<4x8xf32>) {\n  %t = vector.trans\n  return\n}\n"
    document = build_document("c.mlir", 0, text)
    offset = text.index("vector.trans") + len("vector.trans")
    labels = {item.label: item for item in complete(document, text, offset).items}
    assert "vector.transpose" in labels or "transpose" in labels
    item = labels.get("vector.transpose") or labels["transpose"]
    assert "vector.transpose %v, [1, 0]" in item.documentation
    loops = (CORPUS / "valid" / "vector_shuffles_masks_reductions.mlir").read_text()
    parsed = build_document("v.mlir", 0, loops)
    transpose = next(op for op in parsed.chunks[0].module.walk()
                     if op.name == "vector.transpose")
    shown = hover_op(transpose)
    assert "vector.transpose" in shown
    assert "vector<4x8xf32>" in shown  # the operand's type


@pytest.mark.parametrize("path", sorted((CORPUS / "valid").glob("*.mlir")), ids=lambda p: p.stem)
def test_generic_form_reads_back_to_the_same_ir(path: Path) -> None:
    """`lower --generic` output (and the TUI's generic view) must parse again, to IR
    that prints as before: the properties chosen for added ops survive both forms."""
    document = build_document(str(path), 0, path.read_text())
    assert document.diagnostics == ()
    modules = document.modules()
    generic = "\n// -----\n".join(print_ir(module, generic=True) for module in modules)
    again = build_document("generic.mlir", 0, generic)
    assert again.diagnostics == (), [d.message for d in again.diagnostics][:3]
    assert [print_ir(m) for m in again.modules()] == [print_ir(m) for m in modules]


MALFORMED = [
    ("func.func @f(%m: memref<4xf32>) {\n  %c0 = arith.constant 0 : index\n"
     "  memref.prefetch %m[%c0], sideways, locality<3>, data : memref<4xf32>\n  return\n}\n",
     "sideways", "expected read or write, got 'sideways'"),
    ("llvm.func @f(%p: !llvm.ptr, %v: f32) -> f32 {\n"
     "  %0 = llvm.atomicrmw fsqrt %p, %v monotonic : !llvm.ptr, f32\n  llvm.return %0 : f32\n}\n",
     "fsqrt", "expected one of xchg, add"),
    ("func.func @f(%a: index) -> i1 {\n  %0 = index.cmp bigger(%a, %a)\n  return %0 : i1\n}\n",
     "bigger", "expected one of eq, ne"),
    ("gpu.module @m {\n  gpu.func @k(%x: f32) kernel {\n    %o = arith.constant 1 : i32\n"
     "    %r, %ok = gpu.shuffle sideways %x, %o, %o : f32\n    gpu.return\n  }\n}\n",
     "sideways", "expected one of xor, up, down, idx"),
    ("func.func @f(%v: vector<4xf32>) {\n  vector.print punctuation <semicolon>\n  return\n}\n",
     "semicolon", "expected one of no_punctuation"),
    ("func.func @f(%m: memref<4xf32>, %v: f32) {\n  %c0 = arith.constant 0 : index\n"
     "  %x = memref.atomic_rmw fsqrt %v, %m[%c0] : (f32, memref<4xf32>) -> f32\n  return\n}\n",
     "fsqrt", "expected one of addf, addi"),
]


@pytest.mark.parametrize(("text", "token", "message"), MALFORMED,
                         ids=["prefetch", "atomicrmw", "index_cmp", "shuffle", "print",
                              "memref_atomic"])
def test_errors_in_added_syntax_are_located_messages(text: str, token: str,
                                                     message: str) -> None:
    """A mistake inside added syntax is a parse error at the offending word, never an
    internal error."""
    document = build_document("bad.mlir", 0, text)
    [diagnostic] = document.diagnostics
    assert diagnostic.message.startswith(message), diagnostic.message
    assert text_at(text, diagnostic.span) == token
