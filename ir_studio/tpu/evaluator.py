"""A numpy reference evaluator for top and tpu ops.

tpu ops compute in f32 from their f16 operands and round each result to its declared
element type (f16), which is what makes F16 and W8A16 differ from the F32 top graph;
`tpu.A16MatMul` dequantises its int8/int4 weight with its scales (and zero points)
first, exactly as the lowering stored them.
"""

from __future__ import annotations

from typing import cast

import numpy as np
from xdsl.dialects.builtin import (
    Float16Type,
    FunctionType,
    IntegerType,
    ModuleOp,
    NameLoc,
    TensorType,
)
from xdsl.dialects.func import FuncOp, ReturnOp
from xdsl.ir import Attribute, Operation, SSAValue

from ir_studio.tpu.ops_base import bool_attr, float_attr, int_attr, ints_attr


class EvaluationError(Exception):
    def __init__(self, message: str, op: Operation | None = None) -> None:
        super().__init__(message)
        self.op = op


def loc_name(op: Operation) -> str | None:
    loc = op.location
    return loc.desc.data if isinstance(loc, NameLoc) else None


def _dtype(t: Attribute | None) -> type:
    element = t.element_type if isinstance(t, TensorType) else t
    if isinstance(element, Float16Type):
        return np.float16
    if isinstance(element, IntegerType):
        signed = element.signedness.data.name != "UNSIGNED"
        return {8: np.int8 if signed else np.uint8}.get(element.width.data, np.int64)
    return np.float32


def unpack_int4(packed: np.ndarray) -> np.ndarray:
    """[N, K/2] bytes -> [N, K] values 0..15: element 2j in the low nibble, 2j+1 high."""
    low = packed & 0x0F
    high = packed >> 4
    out = np.empty((packed.shape[0], packed.shape[1] * 2), dtype=np.uint8)
    out[:, 0::2] = low
    out[:, 1::2] = high
    return out


def dequantize(
    op: Operation, weight: np.ndarray, scale: np.ndarray, zp: np.ndarray | None
) -> np.ndarray:
    bits = int_attr(op, "weight_bits")
    group = int_attr(op, "q_group_size", 0)
    q = unpack_int4(weight).astype(np.float32) if bits == 4 else weight.astype(np.float32)
    n, k = q.shape
    groups = 1 if group == 0 else k // group
    size = k // groups
    s = np.repeat(scale.astype(np.float32).reshape(n, groups), size, axis=1)
    if zp is not None:
        q = q - np.repeat(zp.astype(np.float32).reshape(n, groups), size, axis=1)
    return q * s


def _rope(x: np.ndarray, cos: np.ndarray, sin: np.ndarray) -> np.ndarray:
    r = cos.shape[1]
    out = x.copy()
    shape = (x.shape[0],) + (1,) * (x.ndim - 2) + (r,)
    c, s = cos.reshape(shape), sin.reshape(shape)
    even, odd = x[..., 0 : 2 * r : 2], x[..., 1 : 2 * r : 2]
    out[..., 0 : 2 * r : 2] = even * c - odd * s
    out[..., 1 : 2 * r : 2] = even * s + odd * c
    return out


def _compute(op: Operation, args: list[np.ndarray | None]) -> list[np.ndarray]:
    kind = op.name.split(".", 1)[1]
    # A none operand where a tensor is required fails in numpy; evaluate() reports that as
    # the op's failure, so the operands are typed as the tensors the ops expect.
    a = cast(
        list[np.ndarray],
        [x.astype(np.float32) if x is not None and x.dtype == np.float16 else x for x in args],
    )
    out_type = op.results[0].type if op.results else None
    match kind:
        case "Input" | "Cast":
            r = a[0]
        case "RMSNorm":
            x = a[0]
            eps = float_attr(op, "eps", 1e-5)
            r = x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
            if len(a) > 1 and a[1] is not None:
                r = r * a[1]
        case "MatMul":
            w = a[1]
            if bool_attr(op, "right_transpose"):
                w = np.swapaxes(w, -1, -2)
            r = np.matmul(a[0], w)
            if len(a) > 2 and a[2] is not None:
                r = r + a[2]
        case "A16MatMul":
            w = dequantize(op, args[1], args[2], args[3])  # pyright: ignore[reportArgumentType]  # a none weight fails in numpy and is reported as the op's failure
            r = np.matmul(a[0], w.T)
            if len(a) > 4 and a[4] is not None:
                r = r + a[4]
        case "Add":
            r = a[0]
            for x in a[1:]:
                r = r + x
        case "Sub":
            r = a[0]
            for x in a[1:]:
                r = r - x
        case "Mul":
            r = a[0]
            for x in a[1:]:
                r = r * x
        case "MulConst":
            r = a[0] * float_attr(op, "const_val", 1.0)
        case "Softmax":
            axis = int_attr(op, "axis", -1)
            e = np.exp(a[0] - np.max(a[0], axis=axis, keepdims=True))
            r = e / np.sum(e, axis=axis, keepdims=True)
        case "SiLU":
            r = a[0] / (1.0 + np.exp(-a[0]))
        case "Reshape":
            assert isinstance(out_type, TensorType)
            r = a[0].reshape(tuple(out_type.get_shape()))
        case "Permute":
            r = np.transpose(a[0], ints_attr(op, "order"))
        case "Slice":
            offset = ints_attr(op, "offset")
            ends = ints_attr(op, "ends")
            steps = ints_attr(op, "steps", [1] * a[0].ndim)
            r = a[0][
                tuple(
                    slice(o, e if e >= 0 else None, s)
                    for o, e, s in zip(offset, ends, steps, strict=True)
                )
            ]
        case "Concat":
            r = np.concatenate(a, axis=int_attr(op, "axis", 1))
        case "Gather":
            r = a[0][a[1].astype(np.int64)]
        case "Rope":
            r = _rope(a[0], a[1], a[2])
        case "TopK":
            k = int_attr(op, "K", 1)
            idx = np.argsort(-a[0], axis=-1)[..., :k]
            return [np.take_along_axis(a[0], idx, axis=-1), idx.astype(np.float32)]
        case _:
            raise EvaluationError(f"no reference implementation for '{op.name}'", op)
    return [np.asarray(r).astype(_dtype(out_type))]


def evaluate(
    module: ModuleOp, inputs: dict[str, np.ndarray], weights: dict[str, np.ndarray] | None
) -> tuple[list[np.ndarray], dict[str, np.ndarray]]:
    """Run `main`: (its results, every named op's first result by loc name)."""
    main = next(
        (op for op in module.walk() if isinstance(op, FuncOp) and op.sym_name.data == "main"), None
    )
    if main is None:
        raise EvaluationError("the module has no func.func @main")
    block = main.body.blocks.first
    assert block is not None
    env: dict[SSAValue, np.ndarray | None] = {}
    input_ops = [op for op in block.ops if op.name == "top.Input"]
    ftype: FunctionType = main.function_type
    for arg, arg_type in zip(block.args, ftype.inputs.data, strict=True):
        user = next((o for o in input_ops if o.operands[0] is arg), None)
        name = loc_name(user) if user is not None else None
        if name is None or name not in inputs:
            raise EvaluationError(f"no input named '{name}' for argument #{arg.index}")
        env[arg] = np.asarray(inputs[name]).astype(_dtype(arg_type))
    named: dict[str, np.ndarray] = {}
    for op in block.ops:
        if isinstance(op, ReturnOp):
            return [env[v] for v in op.operands], named  # pyright: ignore[reportReturnType]  # @main returns computed tensors, never top.None
        if op.name == "top.None":
            env[op.results[0]] = None
            continue
        if op.name == "top.Weight":
            name = loc_name(op)
            if weights is None:
                raise EvaluationError(
                    "numerics need the weight file (module.weight_file); this module is shape-only",
                    op,
                )
            if name not in weights:
                raise EvaluationError(f"weight '{name}' is missing from the weight file", op)
            data = weights[name]
            want = tuple(op.results[0].type.get_shape())  # pyright: ignore[reportAttributeAccessIssue]  # top.Weight's verifier requires a ranked tensor
            if tuple(data.shape) != want:
                raise EvaluationError(
                    f"weight '{name}' has shape {list(data.shape)} in the file, the IR says "
                    f"{list(want)}",
                    op,
                )
            env[op.results[0]] = data.astype(_dtype(op.results[0].type))
            continue
        args = [env[v] for v in op.operands]
        try:
            results = _compute(op, args)
        except EvaluationError:
            raise
        except Exception as error:
            raise EvaluationError(
                f"'{op.name}' failed: {type(error).__name__}: {error}", op
            ) from None
        for value, result in zip(op.results, results, strict=False):
            env[value] = result
        name = loc_name(op)
        if name is not None and results:
            named[name] = results[0]
    raise EvaluationError("@main has no return")
