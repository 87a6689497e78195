"""Ch3 and Ch7 canonicalization patterns for toy ops (run by the shared `canonicalize`).

Each pattern is named as in the tutorial. They are attached to their ops through the
canonicalization trait, so `canonicalize` in any pipeline applies them.
"""

from __future__ import annotations

from xdsl.dialects.builtin import ArrayAttr, DenseIntOrFPElementsAttr, TensorType
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern

from ir_studio.toy import dialect as toy
from ir_studio.toy.types import StructType


class SimplifyRedundantTranspose(RewritePattern):
    """transpose(transpose(x)) -> x."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: toy.TransposeOp, rewriter: PatternRewriter) -> None:
        inner = op.input.owner
        if isinstance(inner, toy.TransposeOp):
            rewriter.replace(op, [], [inner.input])


class ReshapeReshapeOptPattern(RewritePattern):
    """reshape(reshape(x)) -> reshape(x)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: toy.ReshapeOp, rewriter: PatternRewriter) -> None:
        inner = op.input.owner
        if isinstance(inner, toy.ReshapeOp):
            rewriter.replace(op, toy.ReshapeOp(inner.input, op.res.type))


class RedundantReshapeOptPattern(RewritePattern):
    """reshape(x) -> x when x already has the target type."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: toy.ReshapeOp, rewriter: PatternRewriter) -> None:
        if op.input.type == op.res.type:
            rewriter.replace(op, [], [op.input])


class FoldConstantReshapeOptPattern(RewritePattern):
    """reshape(constant) -> constant of the new shape."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: toy.ReshapeOp, rewriter: PatternRewriter) -> None:
        const = op.input.owner
        if not isinstance(const, toy.ConstantOp) or not isinstance(op.res.type, TensorType):
            return
        values = list(const.value.get_values())
        rewriter.replace(
            op, toy.ConstantOp(DenseIntOrFPElementsAttr.from_list(op.res.type, values))  # pyright: ignore[reportCallIssue, reportArgumentType]  # Toy constants are f64 tensors
        )


class FoldIdentityCast(RewritePattern):
    """cast(x) -> x when the cast changes nothing (the tutorial's CastOp::fold)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: toy.CastOp, rewriter: PatternRewriter) -> None:
        if op.input.type == op.res.type:
            rewriter.replace(op, [], [op.input])


class FoldStructAccessOfConstant(RewritePattern):
    """struct_access(struct_constant, i) -> the i-th element as a constant (Ch7 fold)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: toy.StructAccessOp, rewriter: PatternRewriter) -> None:
        const = op.input.owner
        if not isinstance(const, toy.StructConstantOp):
            return
        element = const.value.data[op.index.value.data]
        if isinstance(element, DenseIntOrFPElementsAttr):
            rewriter.replace(op, toy.ConstantOp(element))
        elif isinstance(element, ArrayAttr) and isinstance(op.res.type, StructType):
            rewriter.replace(op, toy.StructConstantOp(element, op.res.type))
