"""Shape rules of the ChatGLM2-style ops, shared by `top` and `tpu` (same names)."""

from __future__ import annotations

import math
from collections.abc import Callable

from xdsl.utils.exceptions import VerifyException

from ir_studio.tpu.ops_base import (
    Shape,
    TPUOp,
    bool_attr,
    broadcast,
    int_attr,
    ints_attr,
)

Rule = Callable[[TPUOp, list[Shape | None]], list[Shape] | None]


def _need(shape: Shape | None, what: str) -> Shape:
    if shape is None:
        raise VerifyException(f"{what} must be a tensor, not none")
    return shape


def same_as_first(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    return [_need(s[0], "input")]


def none_rule(op: TPUOp, s: list[Shape | None]) -> list[Shape] | None:
    return None


def rmsnorm(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    x = _need(s[0], "input")
    if len(s) > 1 and s[1] is not None and s[1] != (x[-1],):
        raise VerifyException(f"gamma must have shape [{x[-1]}], got {list(s[1])}")
    return [x]


def matmul(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    """input [..., M, K] x right [K, N] (2-D weight) or [..., K, N] (batched) (+ bias [N])."""
    x, w = _need(s[0], "input"), _need(s[1], "right")
    if bool_attr(op, "right_transpose"):
        w = (*w[:-2], w[-1], w[-2])
    if x[-1] != w[-2]:
        raise VerifyException(f"contraction mismatch: input has K={x[-1]}, right has K={w[-2]}")
    if len(w) == 2:
        out = (*x[:-1], w[-1])
    else:
        if x[:-2] != w[:-2]:
            raise VerifyException(f"batch dims differ: {list(x[:-2])} vs {list(w[:-2])}")
        out = (*x[:-1], w[-1])
    if len(s) > 2 and s[2] is not None and s[2] != (w[-1],):
        raise VerifyException(f"bias must have shape [{w[-1]}], got {list(s[2])}")
    return [out]


def a16matmul(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    """input [..., K] x weight [N, K] (int8) or [N, K/2] (int4 packed); scale [N, 1] or
    [N, K/gs]; zero points none or [N, K/gs]; bias [N] or none."""
    x, w = _need(s[0], "input"), _need(s[1], "weight")
    bits = int_attr(op, "weight_bits")
    if bits not in (4, 8):
        raise VerifyException(f"weight_bits must be 4 or 8, got {bits}")
    n, stored_k = w
    k = stored_k * (2 if bits == 4 else 1)
    if x[-1] != k:
        raise VerifyException(f"contraction mismatch: input has K={x[-1]}, weight holds K={k}")
    group = int_attr(op, "q_group_size", 0)
    groups = 1 if group == 0 else k // group
    if group and k % group:
        raise VerifyException(f"K={k} is not a multiple of q_group_size={group}")
    if s[2] is not None and s[2] != (n, groups):
        raise VerifyException(f"scale must have shape [{n}, {groups}], got {list(s[2])}")
    if s[3] is not None and s[3] != (n, groups):
        raise VerifyException(f"zero points must have shape [{n}, {groups}], got {list(s[3])}")
    if len(s) > 4 and s[4] is not None and s[4] != (n,):
        raise VerifyException(f"bias must have shape [{n}], got {list(s[4])}")
    return [(*x[:-1], n)]


def elementwise(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    return [broadcast([_need(x, "input") for x in s])]


def reshape(op: TPUOp, s: list[Shape | None]) -> list[Shape] | None:
    x = _need(s[0], "input")
    target = op.outputs[0].type
    from ir_studio.tpu.ops_base import shape_of

    out = shape_of(target)
    if out is not None and math.prod(out) != math.prod(x):
        raise VerifyException(f"cannot reshape {list(x)} ({math.prod(x)} elements) to {list(out)}")
    return None


def permute(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    x = _need(s[0], "input")
    order = ints_attr(op, "order")
    if sorted(order) != list(range(len(x))):
        raise VerifyException(f"order {order} is not a permutation of {len(x)} dims")
    return [tuple(x[i] for i in order)]


def slice_rule(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    x = _need(s[0], "input")
    offset = ints_attr(op, "offset")
    ends = ints_attr(op, "ends")
    steps = ints_attr(op, "steps", [1] * len(x))
    if not len(offset) == len(ends) == len(steps) == len(x):
        raise VerifyException("offset, ends and steps need one entry per dimension")
    out = []
    for dim, a, b, st in zip(x, offset, ends, steps, strict=True):
        b = dim if b < 0 or b > dim else b
        if st <= 0 or a < 0 or a > b:
            raise VerifyException(f"bad slice [{a}:{b}:{st}] of a dimension of {dim}")
        out.append(len(range(a, b, st)))
    return [tuple(out)]


def concat(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    shapes = [_need(x, "input") for x in s]
    axis = int_attr(op, "axis", 1) % len(shapes[0])
    for other in shapes[1:]:
        if len(other) != len(shapes[0]) or any(
            a != b for i, (a, b) in enumerate(zip(other, shapes[0], strict=True)) if i != axis
        ):
            raise VerifyException(f"cannot concatenate {[list(x) for x in shapes]} on axis {axis}")
    out = list(shapes[0])
    out[axis] = sum(x[axis] for x in shapes)
    return [tuple(out)]


def gather(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    """Embedding lookup: table [V, H] and indices [...] -> [..., H]."""
    table, indices = _need(s[0], "table"), _need(s[1], "indices")
    if len(table) != 2:
        raise VerifyException(f"the embedding table must be 2-D, got {list(table)}")
    return [(*indices, table[1])]


def rope(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    """Rotary embedding on the first 2*R dims of the last axis: input [S, B, H, D],
    cos and sin [S, R] (interleaved pairs, the rest passes through)."""
    x, cos, sin = (_need(v, n) for v, n in zip(s, ("input", "cos", "sin"), strict=True))
    if cos != sin or len(cos) != 2 or cos[0] != x[0] or 2 * cos[1] > x[-1]:
        raise VerifyException(f"cos/sin {list(cos)} do not fit input {list(x)}")
    return [x]


def topk(op: TPUOp, s: list[Shape | None]) -> list[Shape]:
    x = _need(s[0], "input")
    k = int_attr(op, "K", 1)
    return [(*x[:-1], k), (*x[:-1], k)]


RULES: dict[str, tuple[tuple[int, int | None], Rule]] = {
    "Input": ((1, 1), same_as_first),
    "Weight": ((0, 0), none_rule),
    "None": ((0, 0), none_rule),
    "RMSNorm": ((1, 2), rmsnorm),
    "MatMul": ((2, 3), matmul),
    "A16MatMul": ((4, 5), a16matmul),
    "Add": ((1, None), elementwise),
    "Sub": ((1, None), elementwise),
    "Mul": ((1, None), elementwise),
    "MulConst": ((1, 1), same_as_first),
    "Softmax": ((1, 1), same_as_first),
    "SiLU": ((1, 1), same_as_first),
    "Cast": ((1, 1), same_as_first),
    "Reshape": ((1, 2), reshape),
    "Permute": ((1, 1), permute),
    "Slice": ((1, None), slice_rule),
    "Concat": ((1, None), concat),
    "Gather": ((2, 2), gather),
    "Rope": ((3, 3), rope),
    "TopK": ((1, 1), topk),
}
