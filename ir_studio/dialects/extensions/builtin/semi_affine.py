"""Semi-affine maps, as MLIR reads them: `(d0)[s0] -> (d0 * s0)`, `()[s0, s1] -> (s0 ceildiv
s1)`, `d0 mod s0`. xDSL 0.74 raises NotImplementedError when an affine expression is
multiplied or divided by anything but a constant, so such a map (common in strided
layouts and in what the affine and memref passes print) failed as an internal error and
every later use of its alias as undefined. As in MLIR, the other side may be symbolic
(symbols and constants only); a product of two dimension expressions stays an error.

Affine maps are builtin attributes, so no dialect load triggers this: the shared context
installs it when it is built (`ir_studio.context`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xdsl.ir.affine import (
    AffineBinaryOpExpr,
    AffineBinaryOpKind,
    AffineConstantExpr,
    AffineDimExpr,
    AffineExpr,
)

_METHODS = {"__mul__": AffineBinaryOpKind.Mul, "__floordiv__": AffineBinaryOpKind.FloorDiv,
            "ceil_div": AffineBinaryOpKind.CeilDiv, "__mod__": AffineBinaryOpKind.Mod}


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    for method, kind in _METHODS.items():
        setattr(AffineExpr, method, _semi_affine(getattr(AffineExpr, method), kind))
    AffineExpr.__rmul__ = AffineExpr.__mul__


def is_symbolic(expr: AffineExpr) -> bool:
    """No dimension anywhere in `expr` (MLIR's AffineExpr::isSymbolicOrConstant)."""
    return not any(isinstance(node, AffineDimExpr) for node in expr.dfs())


def _semi_affine(original: Callable[[Any, Any], AffineExpr],
                 kind: AffineBinaryOpKind) -> Callable[[Any, Any], AffineExpr]:
    def combine(self: AffineExpr, other: AffineExpr | int) -> AffineExpr:
        if isinstance(other, int):
            other = AffineConstantExpr(other)
        if isinstance(other, AffineConstantExpr) or (
                kind is AffineBinaryOpKind.Mul and isinstance(self, AffineConstantExpr)):
            return original(self, other)
        if is_symbolic(other):
            return AffineBinaryOpExpr(kind, self, other)
        if kind is AffineBinaryOpKind.Mul and is_symbolic(self):
            return AffineBinaryOpExpr(kind, other, self)  # MLIR keeps the symbol on the right
        return original(self, other)  # d0 * d1: not affine, xDSL's error stands

    return combine
