"""arith -> llvm conversion patterns and the `convert-arith-to-llvm` pass."""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, llvm
from xdsl.dialects.builtin import (
    FloatAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    ModuleOp,
)
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass

from ir_studio.conversion.driver import ConversionPattern
from ir_studio.conversion.llvm_common import convert_dialect_to_llvm
from ir_studio.conversion.rewriter import ConversionRewriter

_BINARY: dict[type[Operation], type[Operation]] = {
    arith.AddiOp: llvm.AddOp,
    arith.SubiOp: llvm.SubOp,
    arith.MuliOp: llvm.MulOp,
    arith.DivSIOp: llvm.SDivOp,
    arith.DivUIOp: llvm.UDivOp,
    arith.RemSIOp: llvm.SRemOp,
    arith.RemUIOp: llvm.URemOp,
    arith.AndIOp: llvm.AndOp,
    arith.OrIOp: llvm.OrOp,
    arith.XOrIOp: llvm.XOrOp,
    arith.ShLIOp: llvm.ShlOp,
    arith.ShRSIOp: llvm.AShrOp,
    arith.ShRUIOp: llvm.LShrOp,
    arith.AddfOp: llvm.FAddOp,
    arith.SubfOp: llvm.FSubOp,
    arith.MulfOp: llvm.FMulOp,
    arith.DivfOp: llvm.FDivOp,
}


class _Binary(ConversionPattern):
    def __init__(self, source: type[Operation], target: type[Operation]) -> None:
        self.root = source  # pyright: ignore[reportAttributeAccessIssue]  # one pattern object per table entry, each with its root
        self.target = target

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        new = self.target(operands[0], operands[1])  # pyright: ignore[reportCallIssue]  # every target is an LLVM binary op built from (lhs, rhs)
        rewriter.insert(new)
        rewriter.replace_op(op, new.results)
        return True


class ConstantLowering(ConversionPattern):
    root = arith.ConstantOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, arith.ConstantOp)
        rtype = rewriter.convert_type(op.result.type)
        value = op.value
        if isinstance(value, IntegerAttr) and isinstance(value.type, IndexType):
            assert isinstance(rtype, IntegerType)
            value = IntegerAttr(value.value.data, rtype)
        if not isinstance(value, IntegerAttr | FloatAttr) or rtype is None:
            return False
        new = llvm.ConstantOp(value, rtype)
        rewriter.insert(new)
        rewriter.replace_op(op, [new.result])
        return True


class CmpiLowering(ConversionPattern):
    root = arith.CmpiOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, arith.CmpiOp)
        # arith and llvm number their integer predicates identically (eq, ne, slt, ...).
        new = llvm.ICmpOp(operands[0], operands[1], IntegerAttr(op.predicate.value.data, 64))
        rewriter.insert(new)
        rewriter.replace_op(op, new.results)
        return True


class CmpfLowering(ConversionPattern):
    root = arith.CmpfOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, arith.CmpfOp)
        new = llvm.FCmpOp(operands[0], operands[1], IntegerAttr(op.predicate.value.data, 64))
        rewriter.insert(new)
        rewriter.replace_op(op, new.results)
        return True


class IndexCastLowering(ConversionPattern):
    """index <-> iN: nothing when widths agree (index is i64), else sext or trunc."""

    root = arith.IndexCastOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        source = operands[0]
        want = rewriter.convert_type(op.results[0].type)
        if not isinstance(source.type, IntegerType) or not isinstance(want, IntegerType):
            return False
        if source.type.width.data == want.width.data:
            rewriter.replace_op(op, [source])
            return True
        new: Operation
        if source.type.width.data < want.width.data:
            new = llvm.SExtOp(source, want)
        else:
            new = llvm.TruncOp(source, want)
        rewriter.insert(new)
        rewriter.replace_op(op, new.results)
        return True


class SIToFPLowering(ConversionPattern):
    root = arith.SIToFPOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        new = llvm.SIToFPOp(operands[0], op.results[0].type)
        rewriter.insert(new)
        rewriter.replace_op(op, new.results)
        return True


class SelectLowering(ConversionPattern):
    root = arith.SelectOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        new = llvm.SelectOp(*operands)
        rewriter.insert(new)
        rewriter.replace_op(op, new.results)
        return True


class NegfLowering(ConversionPattern):
    root = arith.NegfOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        new = llvm.FNegOp(operands[0])
        rewriter.insert(new)
        rewriter.replace_op(op, new.results)
        return True


def arith_patterns() -> list[ConversionPattern]:
    patterns: list[ConversionPattern] = [_Binary(s, t) for s, t in _BINARY.items()]
    patterns += [
        ConstantLowering(),
        CmpiLowering(),
        CmpfLowering(),
        IndexCastLowering(),
        SIToFPLowering(),
        SelectLowering(),
        NegfLowering(),
    ]
    return patterns


@dataclass(frozen=True)
class ConvertArithToLLVM(ModulePass):
    """arith ops on scalars become llvm ops; index becomes i64."""

    name = "convert-arith-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        convert_dialect_to_llvm(op, "arith", arith_patterns())
