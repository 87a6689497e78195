"""Strides and offset of a memref layout, as MLIR's getStridesAndOffset computes them
(BuiltinTypes.cpp): identity layouts give canonical strides, `strided<...>` gives its
own, and a one-result affine map that is linear in the dims gives its coefficients
(a symbol makes the stride or offset dynamic). Used by memref_checks."""

from __future__ import annotations

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    AffineMapAttr,
    MemRefType,
    NoneAttr,
    StridedLayoutAttr,
)
from xdsl.ir.affine import (
    AffineBinaryOpExpr,
    AffineBinaryOpKind,
    AffineConstantExpr,
    AffineDimExpr,
    AffineExpr,
    AffineSymExpr,
)

Strided = tuple[list[int | None], int | None]
"""Strides and offset of a memref layout; None is dynamic."""


def _linear(expr: AffineExpr, dims: int) -> tuple[list[int | None], int | None] | None:
    """Coefficients of d0..dN and the constant of a linear expression (None where a
    symbol makes them dynamic); None when the expression is not linear in the dims."""
    if isinstance(expr, AffineConstantExpr):
        return [0] * dims, expr.value
    if isinstance(expr, AffineDimExpr):
        coefficients: list[int | None] = [0] * dims
        coefficients[expr.position] = 1
        return coefficients, 0
    if isinstance(expr, AffineSymExpr):
        return [0] * dims, None
    if not isinstance(expr, AffineBinaryOpExpr):
        return None
    lhs, rhs = _linear(expr.lhs, dims), _linear(expr.rhs, dims)
    if lhs is None or rhs is None:
        return None
    if expr.kind == AffineBinaryOpKind.Add:
        return ([None if a is None or b is None else a + b for a, b in zip(
            lhs[0], rhs[0], strict=True)],
            None if lhs[1] is None or rhs[1] is None else lhs[1] + rhs[1])
    if expr.kind != AffineBinaryOpKind.Mul:
        return None
    for factor, other in ((lhs, rhs), (rhs, lhs)):
        if not any(c != 0 for c in factor[0]):
            scale = factor[1]
            if scale is None and any(c != 0 for c in other[0]):
                return [None if c != 0 else 0 for c in other[0]], None
            return ([None if c is None or scale is None else c * scale for c in other[0]],
                    None if other[1] is None or scale is None else other[1] * scale)
    return None


def strided(memref: MemRefType) -> Strided | None:
    """The memref's strides and offset, or None when its layout is not strided."""
    layout = memref.layout
    shape = list(memref.get_shape())
    if isinstance(layout, NoneAttr):
        strides: list[int | None] = []
        running: int | None = 1
        for size in reversed(shape):
            strides.insert(0, running)
            running = None if running is None or size == DYNAMIC_INDEX else running * size
        return strides, 0
    if isinstance(layout, StridedLayoutAttr):
        return list(layout.get_strides()), layout.get_offset()
    if isinstance(layout, AffineMapAttr):
        mapping = layout.data
        if len(mapping.results) != 1 or mapping.num_dims != len(shape):
            return None
        found = _linear(mapping.results[0], mapping.num_dims)
        return None if found is None else (found[0], found[1])
    return None


def show(value: int | None) -> str:
    return "?" if value is None else str(value)


def strided_text(memref: MemRefType, layout: Strided) -> str:
    """How MLIR prints the memref type with a `strided<...>` layout."""
    shape = "".join(f"{show(None if s == DYNAMIC_INDEX else s)}x"
                    for s in memref.get_shape())
    strides, offset = layout
    text = f"strided<[{', '.join(show(s) for s in strides)}]"
    text += "" if offset == 0 else f", offset: {show(offset)}"
    space = "" if isinstance(memref.memory_space, NoneAttr) else f", {memref.memory_space}"
    return f"memref<{shape}{memref.element_type}, {text}>{space}>"
