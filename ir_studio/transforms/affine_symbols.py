"""Normalise affine maps that xDSL's parser reads with symbols where MLIR has dims.

xDSL parses `affine.load %m[%i, %j]` as `()[s0, s1] -> (s0, s1)`, but its lowering and
interpreter expect dims (MLIR prints loop induction variables as dims). For lowering and
execution a dim and a symbol are the same thing, an index value, so symbols become
trailing dims: `(d0, d1) -> (d0, d1)` with the operands unchanged.
"""

from __future__ import annotations

from xdsl.dialects import affine
from xdsl.dialects.builtin import AffineMapAttr
from xdsl.ir import Operation
from xdsl.ir.affine import AffineExpr


def symbols_as_dims(root: Operation) -> None:
    for op in root.walk():
        if not isinstance(op, affine.LoadOp | affine.StoreOp):
            continue
        amap = op.map.data
        if amap.num_symbols == 0:
            continue
        dims = [AffineExpr.dimension(i) for i in range(amap.num_dims)]
        syms = [AffineExpr.dimension(amap.num_dims + i) for i in range(amap.num_symbols)]
        op.map = AffineMapAttr(
            amap.replace_dims_and_symbols(dims, syms, amap.num_dims + amap.num_symbols, 0)
        )
