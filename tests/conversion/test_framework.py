"""The dialect-conversion framework: targets, type converters, partial and full modes,
rollback and located failures."""

from __future__ import annotations

from xdsl.dialects import arith, func
from xdsl.dialects.builtin import IndexType, IntegerType, i32, i64
from xdsl.ir import Operation, SSAValue

from ir_studio.conversion.arith_to_llvm import arith_patterns
from ir_studio.conversion.driver import (
    ConversionPattern,
    apply_full_conversion,
    apply_partial_conversion,
)
from ir_studio.conversion.llvm_common import llvm_type_converter
from ir_studio.conversion.rewriter import ConversionRewriter
from ir_studio.conversion.target import ConversionTarget, Legality
from ir_studio.conversion.type_converter import TypeConverter
from ir_studio.printing import print_ir
from tests.toy.helpers import parse

SOURCE = """\
func.func @f(%a: index, %b: index) -> index {
  %0 = arith.addi %a, %b : index loc("f.mlir":2:8)
  %1 = arith.muli %0, %b : index loc("f.mlir":3:8)
  "foo.keep"(%1) : (index) -> () loc("f.mlir":4:3)
  func.return %1 : index
}
"""


def _arith_target() -> ConversionTarget:
    return ConversionTarget().add_legal_dialect("llvm").add_illegal_dialect("arith")


def test_partial_conversion_converts_illegal_ops_and_leaves_unknown_ones() -> None:
    module = parse(SOURCE)
    error = apply_partial_conversion(module, _arith_target(), arith_patterns(),
                                     llvm_type_converter())
    assert error is None
    text = print_ir(module)
    assert "arith." not in text
    assert "llvm.add" in text
    assert "llvm.mul" in text
    # the unconverted users still see index values, bridged by a cast
    assert '"foo.keep"' in text
    assert "builtin.unrealized_conversion_cast" in text


def test_full_conversion_fails_at_the_op_it_cannot_legalize_and_rolls_back() -> None:
    module = parse(SOURCE)
    before = print_ir(module)
    target = _arith_target().add_legal_dialect("func").add_legal_op("builtin.module")
    error = apply_full_conversion(module, target, arith_patterns(), llvm_type_converter())
    assert error is not None
    assert error.message == "failed to legalize operation 'foo.keep'"
    assert error.location == ("f.mlir", 4, 3)
    assert print_ir(module) == before  # rolled back: nothing half-converted remains


def test_partial_conversion_fails_on_an_explicitly_illegal_op_without_pattern() -> None:
    module = parse(SOURCE)
    before = print_ir(module)
    target = _arith_target().add_illegal_op("foo.keep")
    error = apply_partial_conversion(module, target, arith_patterns(), llvm_type_converter())
    assert error is not None
    assert error.message == "failed to legalize operation 'foo.keep' that was explicitly marked illegal"
    assert print_ir(module) == before


def test_dynamic_legality_decides_per_op() -> None:
    target = ConversionTarget().add_illegal_dialect("arith").add_dynamically_legal_op(
        arith.AddiOp, lambda op: op.results[0].type == i32)
    module = parse("func.func @g(%x: i32, %y: i64) {\n  %0 = arith.addi %x, %x : i32\n"
                   "  %1 = arith.addi %y, %y : i64\n  func.return\n}")
    adds = [op for op in module.walk() if isinstance(op, arith.AddiOp)]
    assert [target.legality(op) for op in adds] == [Legality.LEGAL, Legality.ILLEGAL]
    assert target.legality(next(op for op in module.walk() if isinstance(op, func.ReturnOp))) \
        is Legality.UNKNOWN


def test_type_converter_tries_the_newest_rule_first() -> None:
    converter = TypeConverter([lambda t: i64 if isinstance(t, IndexType) else None])
    assert converter.convert_type(IndexType()) == i64
    converter.add_conversion(lambda t: i32 if isinstance(t, IndexType) else None)
    assert converter.convert_type(IndexType()) == i32
    assert converter.convert_type(IntegerType(8)) == IntegerType(8)
    strict = TypeConverter(keep_unmatched=False)
    assert strict.convert_type(IntegerType(8)) is None


class _Declines(ConversionPattern):
    root = arith.AddiOp
    calls = 0

    def match_and_rewrite(self, op: Operation, operands: list[SSAValue],
                          rewriter: ConversionRewriter) -> bool:
        type(self).calls += 1
        return False


def test_a_declining_pattern_passes_the_op_to_the_next() -> None:
    module = parse(SOURCE)
    error = apply_partial_conversion(module, _arith_target(), [_Declines(), *arith_patterns()],
                                     llvm_type_converter())
    assert error is None
    assert _Declines.calls >= 1
    assert "llvm.add" in print_ir(module)


def test_full_conversion_to_llvm_of_func_arith_cf() -> None:
    from ir_studio.toy.passes.lower_to_llvm import llvm_target, to_llvm_patterns

    module = parse("""
func.func @sum(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^loop(%c0, %c0 : index, index)
^loop(%i: index, %acc: index):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %next = arith.addi %acc, %i : index
  %j = arith.addi %i, %c1 : index
  cf.br ^loop(%j, %next : index, index)
^exit:
  func.return %acc : index
}
""")
    error = apply_full_conversion(module, llvm_target(), to_llvm_patterns(), llvm_type_converter())
    assert error is None
    text = print_ir(module)
    assert "index" not in text
    assert "unrealized" not in text
    assert "^loop(%i: i64, %acc: i64):" in text
    import llvmlite.binding as llvm

    from ir_studio.llvm_emit import emit_llvm_ir

    llvm.parse_assembly(emit_llvm_ir(module)).verify()
