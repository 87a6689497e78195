"""Top -> Tpu lowering for F16, W8A16 and W4A16 (TPU-MLIR's TopToTpu for BM1684X).

Every `top.X` becomes `tpu.X` on f16 values, with `tpu.Cast` after each input and
before each result. A `top.MatMul` whose right operand is a 2-D `top.Weight` becomes
`tpu.A16MatMul` in the W modes, its weight quantised (`quantize.py`), unless its name
is among the layers kept in F16 (`keep_f16`: sophon-demo's INT8/INT4 ChatGLM2 builds keep
the embedding and `lm_head` F16, `gen_int8bmodel_mlir.sh`). With weights the lowering
also returns the new weight arrays; without (a shape-only module) it produces the same
IR and no arrays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from xdsl.dialects.builtin import (
    Float16Type,
    Float32Type,
    IntegerAttr,
    IntegerType,
    ModuleOp,
    NameLoc,
    NoneAttr,
    Signedness,
    StringAttr,
    TensorType,
    f16,
    f32,
    i64,
)
from xdsl.dialects.func import FuncOp, ReturnOp
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.rewriter import InsertPoint, Rewriter

from ir_studio.tpu.dialects import TOP_OPS, TPU_OPS
from ir_studio.tpu.evaluator import loc_name
from ir_studio.tpu.modes import Mode, parse_mode
from ir_studio.tpu.ops_base import bool_attr
from ir_studio.tpu.quantize import quantize_w4, quantize_w8

SI8 = IntegerType(8, Signedness.SIGNED)
UI8 = IntegerType(8, Signedness.UNSIGNED)


class LoweringError(Exception):
    def __init__(self, message: str, op: Operation | None = None) -> None:
        super().__init__(message)
        self.op = op


@dataclass(frozen=True)
class MatMulReport:
    name: str
    k: int
    n: int
    f16_bytes: int
    weight_bytes: int
    scale_bytes: int
    zp_bytes: int


@dataclass
class Lowered:
    module: ModuleOp
    weights: dict[str, np.ndarray] | None
    report: list[MatMulReport] = field(default_factory=list)


def _f16(t: Attribute) -> Attribute:
    if isinstance(t, TensorType) and isinstance(t.element_type, Float32Type):
        return TensorType(f16, t.get_shape())
    return t


def _name_loc(name: str) -> NameLoc:
    return NameLoc(StringAttr(name), NoneAttr())


def _weight_op(name: str, type_: TensorType) -> Operation:
    op = TOP_OPS["Weight"].create(result_types=[type_])
    op.location = _name_loc(name)
    return op


def parse_layer_names(text: str | None) -> tuple[str, ...]:
    """`lm_head,embedding` -> ("lm_head", "embedding"); empty or None keeps nothing."""
    if not text:
        return ()
    return tuple(name.strip() for name in text.split(",") if name.strip())


def layer_matches(loc: str, layer: str) -> bool:
    """Does the op named `loc` belong to `layer`? Names match by whole dotted components:
    `lm_head` matches `lm_head`, `embedding` matches `transformer.embedding.word_...`,
    `layers.0` matches `layers.0.mlp.dense_h_to_4h` but not `layers.01...`."""
    parts, want = loc.split("."), layer.split(".")
    return any(parts[i : i + len(want)] == want for i in range(len(parts) - len(want) + 1))


def kept_f16(loc: str, keep_f16: tuple[str, ...]) -> bool:
    return any(layer_matches(loc, layer) for layer in keep_f16)


def _qualifies(op: Operation, mode: Mode, group: int, keep_f16: tuple[str, ...] = ()) -> bool:
    if mode is Mode.F16 or op.name != "top.MatMul" or bool_attr(op, "right_transpose"):
        return False
    if keep_f16 and kept_f16(loc_name(op) or "", keep_f16):
        return False
    right = op.operands[1].owner
    if not isinstance(right, Operation) or right.name != "top.Weight":
        return False
    shape = right.results[0].type.get_shape()  # pyright: ignore[reportAttributeAccessIssue]  # top/tpu verifiers require ranked tensors
    if len(shape) != 2:
        return False
    return mode is not Mode.W4A16 or (shape[0] % group == 0 and shape[0] % 2 == 0)


def lower_to_tpu(
    module: ModuleOp,
    mode: Mode | str,
    group: int = 64,
    weights: dict[str, np.ndarray] | None = None,
    weight_file: str | None = None,
    *,
    in_place: bool = False,
    keep_f16: tuple[str, ...] = (),
) -> Lowered:
    """Lower a clone of `module` (or `module` itself) in `mode`; matmuls named in
    `keep_f16` (see `layer_matches`) stay F16 in the quantised modes."""
    try:
        mode = parse_mode(mode)
    except ValueError as error:
        raise LoweringError(str(error)) from None
    if group <= 0:
        raise LoweringError(f"the group size must be positive, not {group}")
    out = module if in_place else module.clone()
    new_weights: dict[str, np.ndarray] | None = {} if weights is not None else None
    report: list[MatMulReport] = []
    quantized_rights: set[int] = set()
    funcs = [op for op in out.walk() if isinstance(op, FuncOp)]
    for func in funcs:
        for op in list(func.walk()):
            if _qualifies(op, mode, group, keep_f16):
                quantized_rights.add(id(op.operands[1].owner))
    for func in funcs:
        for op in list(func.body.walk()):
            if op.parent is None:
                continue
            _lower_op(op, mode, group, weights, new_weights, report, quantized_rights)
    out.attributes["module.state"] = StringAttr("TPU_LOWERED")
    out.attributes["module.chip"] = StringAttr("bm1684x")
    out.attributes["module.mode"] = StringAttr(mode.module_mode)
    if weight_file is not None:
        out.attributes["module.weight_file"] = StringAttr(weight_file)
    return Lowered(out, new_weights, report)


def _cast(value: SSAValue, to: Attribute, name: str, before: Operation) -> SSAValue:
    cast = TPU_OPS["Cast"].create(operands=[value], result_types=[to])
    cast.location = _name_loc(name)
    Rewriter.insert_op(cast, InsertPoint.before(before))
    return cast.results[0]


def _lower_op(
    op: Operation,
    mode: Mode,
    group: int,
    weights: dict[str, np.ndarray] | None,
    new_weights: dict[str, np.ndarray] | None,
    report: list[MatMulReport],
    quantized_rights: set[int],
) -> None:
    name = loc_name(op) or op.name
    if op.name == "top.None":
        return
    if op.name == "top.Input":
        after = op.next_op
        assert after is not None
        users = list(op.results[0].uses)
        cast = _cast(op.results[0], _f16(op.results[0].type), f"{name}_f16", after)
        for use in users:
            use.operation.operands[use.index] = cast
        return
    if op.name == "top.Weight":
        if id(op) in quantized_rights:
            return  # replaced by the A16MatMul that uses it
        new_type = _f16(op.results[0].type)
        Rewriter.replace_value_with_new_type(op.results[0], new_type)
        if new_weights is not None and weights is not None:
            if name not in weights:
                raise LoweringError(f"weight '{name}' is missing from the weight file", op)
            new_weights[name] = weights[name].astype(np.float16)
        return
    if isinstance(op, ReturnOp):
        values = [
            _cast(v, TensorType(f32, v.type.get_shape()), f"output_{i}_f32", op)  # pyright: ignore[reportAttributeAccessIssue]  # top/tpu verifiers require ranked tensors
            if isinstance(getattr(v.type, "element_type", None), Float16Type)
            else v
            for i, v in enumerate(op.operands)
        ]
        for i, v in enumerate(values):
            op.operands[i] = v
        return
    if not op.name.startswith("top."):
        return
    kind = op.name.split(".", 1)[1]
    if kind == "MatMul" and id(op.operands[1].owner) in quantized_rights:
        _lower_a16(op, mode, group, weights, new_weights, report, name)
        return
    right = op.operands[1].owner if kind == "MatMul" else None
    if isinstance(right, Operation) and right.name == "top.Weight":
        k, n = op.operands[1].type.get_shape()[-2:]  # pyright: ignore[reportAttributeAccessIssue]  # top/tpu verifiers require ranked tensors
        report.append(MatMulReport(name, k, n, k * n * 2, k * n * 2, 0, 0))
    new = TPU_OPS[kind].create(
        operands=list(op.operands),
        result_types=[_f16(r.type) for r in op.results],
        attributes=dict(op.attributes),
    )
    new.location = op.location
    Rewriter.replace_op(op, new)


def _lower_a16(
    op: Operation,
    mode: Mode,
    group: int,
    weights: dict[str, np.ndarray] | None,
    new_weights: dict[str, np.ndarray] | None,
    report: list[MatMulReport],
    name: str,
) -> None:
    right = op.operands[1].owner
    assert isinstance(right, Operation)
    wname = loc_name(right) or f"{name}.weight"
    k, n = right.results[0].type.get_shape()  # pyright: ignore[reportAttributeAccessIssue]  # top/tpu verifiers require ranked tensors
    bits = mode.weight_bits
    assert bits is not None
    g = 0 if bits == 8 else group
    groups = 1 if g == 0 else k // g
    qtype = TensorType(SI8, [n, k]) if bits == 8 else TensorType(UI8, [n, k // 2])
    qw = _weight_op(f"{wname}_{'int8' if bits == 8 else 'uint4'}", qtype)
    sc = _weight_op(f"{wname}_scale", TensorType(f16, [n, groups]))
    created = [qw, sc]
    zp_value: SSAValue
    if bits == 4:
        zp = _weight_op(f"{wname}_zp", TensorType(UI8, [n, groups]))
        created.append(zp)
        zp_value = zp.results[0]
    else:
        none = next(o for o in op.parent_block().ops if o.name == "top.None")  # pyright: ignore[reportOptionalMemberAccess]  # the op being lowered is in @main's block
        zp_value = none.results[0]
    for new in created:
        Rewriter.insert_op(new, InsertPoint.before(op))
    if new_weights is not None and weights is not None:
        if wname not in weights:
            raise LoweringError(f"weight '{wname}' is missing from the weight file", right)
        data = weights[wname]
        if bits == 8:
            q, scale = quantize_w8(data)
            new_weights[loc_name(qw)] = q  # pyright: ignore[reportArgumentType]  # _weight_op names every weight
            new_weights[loc_name(sc)] = scale  # pyright: ignore[reportArgumentType]  # _weight_op names every weight
        else:
            q, scale, zeros = quantize_w4(data, group)
            new_weights[loc_name(qw)] = q  # pyright: ignore[reportArgumentType]  # _weight_op names every weight
            new_weights[loc_name(sc)] = scale  # pyright: ignore[reportArgumentType]  # _weight_op names every weight
            new_weights[f"{wname}_zp"] = zeros
    bias = op.operands[2] if len(op.operands) > 2 else None
    operands = [op.operands[0], qw.results[0], sc.results[0], zp_value]
    if bias is not None:
        operands.append(bias)
    attrs = {
        "weight_bits": IntegerAttr(bits, i64),
        "q_group_size": IntegerAttr(g, i64),
        "w_transpose": IntegerAttr.from_bool(True),
        "sign": IntegerAttr.from_bool(bits == 8),
        "dq_type": StringAttr("NONE"),
    }
    new = TPU_OPS["A16MatMul"].create(
        operands=operands, result_types=[_f16(op.results[0].type)], attributes=attrs
    )
    new.location = op.location
    Rewriter.replace_op(op, new)
    Rewriter.erase_op(right)
    stored = n * k if bits == 8 else n * k // 2
    report.append(
        MatMulReport(name, k, n, k * n * 2, stored, n * groups * 2, n * groups if bits == 4 else 0)
    )
