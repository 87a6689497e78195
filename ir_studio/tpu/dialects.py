"""The `top` and `tpu` dialects, built from the shared shape rules.

Op docs say what each op computes, so hover in the editor explains TPU graphs too.
"""

from __future__ import annotations

from xdsl.ir import Dialect
from xdsl.irdl import irdl_op_definition

from ir_studio.tpu.op_rules import RULES
from ir_studio.tpu.ops_base import Shape, TPUOp

DOCS = {
    "Input": "A model input (identity on the value).",
    "Weight": "A constant tensor read from `module.weight_file`, keyed by this op's loc name.",
    "None": "The absent optional operand.",
    "RMSNorm": "x / sqrt(mean(x^2, last axis) + eps) * gamma.",
    "MatMul": "input x right (+ bias); a 2-D right operand is a linear layer's weight [K, N].",
    "A16MatMul": "Weight-only quantised matmul: int8/int4 weight [N, K] dequantised to f16 "
    "with per-channel (or per-group) scales and zero points, then input x W^T.",
    "Add": "Element-wise sum with broadcasting.",
    "Sub": "Element-wise difference with broadcasting.",
    "Mul": "Element-wise product with broadcasting.",
    "MulConst": "input * const_val.",
    "Softmax": "softmax along `axis`.",
    "SiLU": "x * sigmoid(x).",
    "Cast": "Element type conversion (f32 <-> f16 at the model's boundaries).",
    "Reshape": "Same elements, new shape.",
    "Permute": "Transpose by `order`.",
    "Slice": "input[offset:ends:steps] per dimension.",
    "Concat": "Concatenation along `axis`.",
    "Gather": "Embedding lookup: rows of the table at the given indices.",
    "Rope": "Rotary position embedding on the first 2R dims (interleaved pairs).",
    "TopK": "The K largest values of the last axis and their indices.",
}


def _make(dialect: str, kind: str) -> type[TPUOp]:
    arity, rule = RULES[kind]

    def expected_shapes(self: TPUOp, shapes: list[Shape | None]) -> list[Shape] | None:
        return rule(self, shapes)

    def arity_of(self: TPUOp) -> tuple[int, int | None]:
        return arity

    cls = type(
        f"{dialect.capitalize()}{kind}Op",
        (TPUOp,),
        {
            "__doc__": f"`{dialect}.{kind}`: {DOCS[kind]}",
            "name": f"{dialect}.{kind}",
            "arity": arity_of,
            "expected_shapes": expected_shapes,
            "__module__": __name__,
        },
    )
    return irdl_op_definition(cls)


TOP_KINDS = [k for k in RULES if k not in ("A16MatMul", "Cast")]
TPU_KINDS = [k for k in RULES if k not in ("Input", "Weight", "None")]

TOP_OPS = {kind: _make("top", kind) for kind in TOP_KINDS}
TPU_OPS = {kind: _make("tpu", kind) for kind in TPU_KINDS}

Top = Dialect("top", list(TOP_OPS.values()), [])
Tpu = Dialect("tpu", list(TPU_OPS.values()), [])
