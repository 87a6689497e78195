"""What every top/tpu op shares: TPU-MLIR prints them in generic form, so an op is a
name, its operands, results and attributes; the per-op knowledge is its shape rule.

Each op class declares `arity()` (min, max operands; max None = variadic) and implements
`expected_shapes(in_shapes) -> list of result shapes` (None when it cannot tell, e.g. a
Weight). Verification compares that with the declared result types.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import (
    ArrayAttr,
    FloatAttr,
    IntegerAttr,
    NoneType,
    TensorType,
)
from xdsl.ir import Attribute, Operation
from xdsl.irdl import AnyAttr, IRDLOperation, var_operand_def, var_result_def
from xdsl.utils.exceptions import VerifyException

Shape = tuple[int, ...]


def shape_of(t: Attribute) -> Shape | None:
    """Static shape of a ranked tensor; None for `none` (absent optional operands)."""
    if isinstance(t, NoneType):
        return None
    if isinstance(t, TensorType):
        return tuple(t.get_shape())
    raise VerifyException(f"expected a tensor or none, got {t}")


def int_attr(op: Operation, name: str, default: int | None = None) -> int:
    attr = op.attributes.get(name)
    if isinstance(attr, IntegerAttr):
        return attr.value.data
    if default is None:
        raise VerifyException(f"missing integer attribute '{name}'")
    return default


def float_attr(op: Operation, name: str, default: float) -> float:
    attr = op.attributes.get(name)
    if isinstance(attr, FloatAttr):
        return float(attr.value.data)
    if isinstance(attr, IntegerAttr):
        return float(attr.value.data)
    return default


def bool_attr(op: Operation, name: str, default: bool = False) -> bool:
    attr = op.attributes.get(name)
    if isinstance(attr, IntegerAttr):
        return bool(attr.value.data)
    return default


def ints_attr(op: Operation, name: str, default: Sequence[int] | None = None) -> list[int]:
    attr = op.attributes.get(name)
    if isinstance(attr, ArrayAttr):
        return [a.value.data for a in attr.data if isinstance(a, IntegerAttr)]
    if default is None:
        raise VerifyException(f"missing integer array attribute '{name}'")
    return list(default)


def broadcast(shapes: Sequence[Shape]) -> Shape:
    rank = max(len(s) for s in shapes)
    out = []
    for i in range(rank):
        dims = {s[i - rank + len(s)] for s in shapes if i - rank + len(s) >= 0}
        dims.discard(1)
        if len(dims) > 1:
            raise VerifyException(f"shapes {[list(s) for s in shapes]} do not broadcast")
        out.append(dims.pop() if dims else 1)
    return tuple(out)


class TPUOp(IRDLOperation):
    """Base of every top/tpu op: all operands in one list, attributes as written."""

    inputs = var_operand_def(AnyAttr())
    outputs = var_result_def(AnyAttr())

    def arity(self) -> tuple[int, int | None]:
        """(min, max) operand count; max None means variadic."""
        return (0, None)

    def expected_shapes(self, shapes: list[Shape | None]) -> list[Shape] | None:
        return None

    def verify_(self) -> None:
        low, high = self.arity()
        count = len(self.inputs)
        if count < low or (high is not None and count > high):
            want = f"{low}" if low == high else f"{low} to {high if high is not None else 'any'}"
            raise VerifyException(f"expects {want} operands, got {count}")
        shapes = [shape_of(v.type) for v in self.inputs]
        expected = self.expected_shapes(shapes)
        if expected is None:
            return
        got = [shape_of(r.type) for r in self.outputs]
        if [tuple(e) for e in expected] != got:
            raise VerifyException(
                f"result shape {[list(g) if g else g for g in got]} does not match the "
                f"expected {[list(e) for e in expected]}"
            )
