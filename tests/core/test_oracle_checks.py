"""Checks added from benchmarks/mlir_oracle.py findings that the differential corpus
cannot hold (their inputs involve ops ir-studio does not know)."""

from __future__ import annotations

import io

from ir_studio.document import build_document

GENERIC_NAMED_OP = """\
"func.func"() <{function_type = (memref<8xf32>, memref<3xf32>, memref<6xf32>) -> (), sym_name = "conv"}> ({
^bb0(%in: memref<8xf32>, %w: memref<3xf32>, %out: memref<6xf32>):
  "linalg.some_future_conv"(%in, %w, %out) <{operandSegmentSizes = array<i32: 2, 1>}> ({
  ^bb0(%a: f32, %b: f32, %c: f32):
    %0 = "arith.mulf"(%a, %b) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    "linalg.yield"(%0) : (f32) -> ()
  }) : (memref<8xf32>, memref<3xf32>, memref<6xf32>) -> ()
  "func.return"() : () -> ()
}) : () -> ()
"""


def messages(text: str) -> list[str]:
    return [d.message for d in build_document("t.mlir", 0, text).diagnostics]


def test_yield_under_an_unknown_linalg_op_is_not_judged() -> None:
    found = messages(GENERIC_NAMED_OP)
    assert not any("LinalgOp interface" in m for m in found), found


def test_yield_outside_linalg_is_an_error() -> None:
    text = "func.func @f(%x: f32) {\n  linalg.yield %x : f32\n}\n"
    assert "'linalg.yield' op expected parent op with LinalgOp interface" in messages(text)


def test_type_mismatch_of_a_value_uses_mlir_words() -> None:
    text = "func.func @f(%a: i32) -> f32 {\n  %r = arith.addf %a, %a : f32\n  return %r : f32\n}\n"
    document = build_document("t.mlir", 0, text)
    [error] = document.diagnostics
    assert error.message == ("use of value '%a' expects different type than prior uses: "
                             "'f32' vs 'i32'")


def test_region_edge_error_is_on_the_parent_with_a_note_at_the_yield() -> None:
    text = ("func.func @f(%c: i1, %x: f32) {\n"
            "  %a, %b = scf.if %c -> (f32, f32) {\n"
            "    scf.yield %x : f32\n"
            "  } else {\n"
            "    scf.yield %x, %x : f32, f32\n"
            "  }\n"
            "  return\n}\n")
    document = build_document("t.mlir", 0, text)
    [error] = document.diagnostics
    assert error.message == ("'scf.if' op along control flow edge from Operation scf.yield to "
                             "parent: region branch point has 1 operands, but region "
                             "successor needs 2 inputs")
    assert document.lines.position(error.span.start).line == 1
    [note] = error.related
    assert note.message == "region branch point"
    assert document.lines.position(note.span.start).line == 2


def test_distinct_objects_of_several_buffers_gives_each_back() -> None:
    text = ("func.func @f(%x: memref<?xf32>, %y: memref<4xi8>) -> (memref<?xf32>, memref<4xi8>) {\n"
            "  %a, %b = memref.distinct_objects %x, %y : memref<?xf32>, memref<4xi8>\n"
            "  return %a, %b : memref<?xf32>, memref<4xi8>\n}\n")
    assert messages(text) == []


def test_distinct_objects_needs_an_operand() -> None:
    text = 'func.func @f() {\n  "memref.distinct_objects"() : () -> ()\n  return\n}\n'
    assert "'memref.distinct_objects' op expected at least one operand" in messages(text)


def test_dense_integers_wider_than_64_bits_print_as_written() -> None:
    from xdsl.printer import Printer

    from ir_studio.frontends.wide_integers import WideIntElementsAttr

    text = ('"lut.load"() {a = dense<[[1, -2], [3, 4]]> : tensor<2x2xi65>, '
            'b = dense<-1> : tensor<3xi100>} : () -> ()\n')
    document = build_document("t.mlir", 0, text)
    assert not document.diagnostics
    [op] = [o for chunk in document.chunks for o in chunk.module.walk()
            if o.name != "builtin.module"]
    grid = op.attributes["a"]
    assert isinstance(grid, WideIntElementsAttr)
    assert grid.get_values() == (1, -2, 3, 4)
    out = io.StringIO()
    Printer(stream=out).print_attribute(grid)
    assert out.getvalue() == "dense<[[1, -2], [3, 4]]> : tensor<2x2xi65>"


def test_sparse_elements_print_as_written() -> None:
    from xdsl.printer import Printer

    from ir_studio.frontends.sparse_elements import SparseElementsAttr

    text = '"lut.init"() {d = sparse<[[0, 0], [1, 1]], [1.0, 2.0]> : tensor<2x2xf32>} : () -> ()\n'
    document = build_document("t.mlir", 0, text)
    assert not document.diagnostics
    [op] = [o for chunk in document.chunks for o in chunk.module.walk()
            if o.name != "builtin.module"]
    attribute = op.attributes["d"]
    assert isinstance(attribute, SparseElementsAttr)
    out = io.StringIO()
    Printer(stream=out).print_attribute(attribute)
    assert out.getvalue() == "sparse<[[0, 0], [1, 1]], [1.0, 2.0]> : tensor<2x2xf32>"


def test_sparse_values_must_be_one_dimensional() -> None:
    text = '"lut.init"() {d = sparse<[[0, 0]], [[1.0]]> : tensor<2x2xf32>} : () -> ()\n'
    assert "expected 1-d tensor for sparse element values" in messages(text)


def test_hexadecimal_f80_and_f128_constants_check_clean() -> None:
    """Read as MLIR reads them (the corpus cannot hold them: xDSL 0.74's printer cannot
    print an f80 or f128 FloatAttr, which the corpus round-trip tests need)."""
    from xdsl.dialects.builtin import FloatAttr

    text = ("func.func @f() -> (f80, f128) {\n"
            "  %one = arith.constant 0x3FFF8000000000000000 : f80\n"
            "  %three = arith.constant 0x40008000000000000000000000000000 : f128\n"
            "  return %one, %three : f80, f128\n}\n")
    document = build_document("t.mlir", 0, text)
    assert not document.diagnostics
    values = [o.properties["value"] for chunk in document.chunks
              for o in chunk.module.walk() if o.name == "arith.constant"]
    assert [v.value.data for v in values if isinstance(v, FloatAttr)] == [1.0, 3.0]
