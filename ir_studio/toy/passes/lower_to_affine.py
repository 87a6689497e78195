"""Ch5 `lower-toy-to-affine`: a PARTIAL conversion of toy to affine, arith and memref.

Every tensor becomes a buffer (`memref.alloc` at the top of the function, freed before
its return); element-wise ops become affine loop nests; `toy.print` stays, now on a
memref, legal by a dynamic rule. Needs shapes: run `toy-shape-inference` first.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import affine, arith, func, memref
from xdsl.dialects.builtin import (
    AffineMapAttr,
    FloatAttr,
    IndexType,
    MemRefType,
    ModuleOp,
    TensorType,
    f64,
)
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint

from ir_studio.conversion.driver import ConversionPattern, apply_partial_conversion
from ir_studio.conversion.rewriter import ConversionRewriter
from ir_studio.conversion.target import ConversionTarget
from ir_studio.conversion.type_converter import TypeConverter
from ir_studio.pass_failure import PassFailure
from ir_studio.toy import dialect as toy


def tensor_to_memref(t: Attribute) -> Attribute | None:
    if isinstance(t, TensorType):
        return MemRefType(t.element_type, t.get_shape())
    return None


def _alloc_and_dealloc(op: Operation, mtype: MemRefType, rewriter: ConversionRewriter) -> SSAValue:
    """An alloc at the top of op's block and its dealloc before the block's terminator."""
    block = op.parent_block()
    assert block is not None
    assert block.first_op is not None
    assert block.last_op is not None
    alloc = memref.AllocOp.get(mtype.element_type, shape=mtype.get_shape())
    rewriter.insert_at(InsertPoint.before(block.first_op), alloc)
    rewriter.insert_at(InsertPoint.before(block.last_op), memref.DeallocOp.get(alloc))
    return alloc.memref


def _loop_nest(
    shape: tuple[int, ...],
    rewriter: ConversionRewriter,
    body: Callable[[list[SSAValue], Block], list[Operation]],
) -> None:
    """affine.for loops over `shape`, with `body(ivs, innermost)` in the innermost."""
    if not shape:
        rewriter.insert(*body([], Block()))
        return
    outer: affine.ForOp | None = None
    block: Block | None = None
    ivs: list[SSAValue] = []
    for extent in shape:
        inner_block = Block(arg_types=[IndexType()])
        loop = affine.ForOp.from_region([], [], [], [], 0, extent, Region(inner_block))
        ivs.append(inner_block.args[0])
        if block is None:
            outer = loop
        else:
            block.add_op(loop)
        block = inner_block
    assert block is not None
    assert outer is not None
    for op in body(ivs, block):
        block.add_op(op)
    for loop in [
        outer,
        *[o for o in outer.walk() if isinstance(o, affine.ForOp) and o is not outer],
    ]:
        loop.body.block.add_op(affine.YieldOp.get())
    rewriter.insert(outer)


def _identity(rank: int) -> AffineMapAttr:
    return AffineMapAttr(AffineMap.identity(rank))


class _Elementwise(ConversionPattern):
    arith_op: type[arith.FloatingPointLikeBinaryOperation]

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        rtype = op.results[0].type
        if not isinstance(rtype, TensorType):
            return False
        mtype = MemRefType(rtype.element_type, rtype.get_shape())
        out = _alloc_and_dealloc(op, mtype, rewriter)
        lhs, rhs = operands
        rank = len(rtype.get_shape())

        def body(ivs: list[SSAValue], _: Block) -> list[Operation]:
            a = affine.LoadOp(lhs, ivs, _identity(rank))
            b = affine.LoadOp(rhs, ivs, _identity(rank))
            value = self.arith_op(a.result, b.result)
            return [a, b, value, affine.StoreOp(value.results[0], out, ivs, _identity(rank))]

        _loop_nest(tuple(rtype.get_shape()), rewriter, body)
        rewriter.replace_op(op, [out])
        return True


class AddOpLowering(_Elementwise):
    root = toy.AddOp
    arith_op = arith.AddfOp


class MulOpLowering(_Elementwise):
    root = toy.MulOp
    arith_op = arith.MulfOp


class TransposeOpLowering(ConversionPattern):
    root = toy.TransposeOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        rtype = op.results[0].type
        if not isinstance(rtype, TensorType):
            return False
        out = _alloc_and_dealloc(op, MemRefType(rtype.element_type, rtype.get_shape()), rewriter)
        rank = len(rtype.get_shape())

        def body(ivs: list[SSAValue], _: Block) -> list[Operation]:
            load = affine.LoadOp(operands[0], list(reversed(ivs)), _identity(rank))
            return [load, affine.StoreOp(load.result, out, ivs, _identity(rank))]

        _loop_nest(tuple(rtype.get_shape()), rewriter, body)
        rewriter.replace_op(op, [out])
        return True


class ConstantOpLowering(ConversionPattern):
    root = toy.ConstantOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, toy.ConstantOp)
        rtype = op.res.type
        assert isinstance(rtype, TensorType)
        shape = tuple(rtype.get_shape())
        out = _alloc_and_dealloc(op, MemRefType(rtype.element_type, shape), rewriter)
        values = list(op.value.get_values())
        for index, value in zip(itertools.product(*(range(d) for d in shape)), values, strict=True):
            cst = arith.ConstantOp(FloatAttr(float(value), f64))  # pyright: ignore[reportArgumentType]  # Toy constants are f64 tensors
            where = AffineMapAttr(AffineMap(0, 0, tuple(AffineExpr.constant(i) for i in index)))
            rewriter.insert(cst, affine.StoreOp(cst.result, out, [], where))
        rewriter.replace_op(op, [out])
        return True


class FuncOpLowering(ConversionPattern):
    root = toy.FuncOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, toy.FuncOp)
        if op.sym_name.data != "main":
            raise PassFailure(
                f"cannot lower function '{op.sym_name.data}': only 'main' is lowered; "
                "inline the others first (toy-inline)",
                op,
            )
        if op.function_type.inputs.data or op.function_type.outputs.data:
            raise PassFailure("expected 'main' to have 0 inputs and 0 results", op)
        new = func.FuncOp("main", ((), ()), rewriter.move_region(op.body))
        rewriter.insert(new)
        rewriter.erase_op(op)
        return True


class ReturnOpLowering(ConversionPattern):
    root = toy.ReturnOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        if operands:
            raise PassFailure("'main' must not return a value", op)
        rewriter.insert(func.ReturnOp())
        rewriter.erase_op(op)
        return True


class PrintOpLowering(ConversionPattern):
    """toy.print keeps its name; only its operand changes from tensor to memref."""

    root = toy.PrintOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        rewriter.insert(toy.PrintOp(operands[0]))
        rewriter.erase_op(op)
        return True


def _no_tensor_operands(op: Operation) -> bool:
    return not any(isinstance(v.type, TensorType) for v in op.operands)


def affine_target() -> ConversionTarget:
    return (
        ConversionTarget()
        .add_legal_dialect("affine", "arith", "func", "memref", "builtin")
        .add_illegal_dialect("toy")
        .add_dynamically_legal_op(toy.PrintOp, _no_tensor_operands)
    )


PATTERNS: tuple[ConversionPattern, ...] = (
    FuncOpLowering(),
    ReturnOpLowering(),
    ConstantOpLowering(),
    AddOpLowering(),
    MulOpLowering(),
    TransposeOpLowering(),
    PrintOpLowering(),
)


@dataclass(frozen=True)
class LowerToyToAffine(ModulePass):
    """Partial conversion of toy to affine/arith/memref/func; toy.print stays."""

    name = "lower-toy-to-affine"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for inner in op.walk():
            if isinstance(inner, toy.GenericCallOp):
                raise PassFailure("cannot lower a call; run toy-inline first", inner)
            if inner.name.startswith("toy.") and any(
                not isinstance(r.type, TensorType) for r in inner.results
            ):
                raise PassFailure(
                    f"'{inner.name}' has a result without a static shape; "
                    "run toy-shape-inference first",
                    inner,
                )
        error = apply_partial_conversion(
            op, affine_target(), PATTERNS, TypeConverter([tensor_to_memref])
        )
        if error is not None:
            raise error.as_failure()
