"""The reference evaluator for toy-dialect IR: numpy semantics, toyc-ch6 output.

Used to check the first steps of a Toy pipeline (before there is anything a JIT could
run) and as the numeric reference in tests. `format_print` is the single definition of
what `toy.print` writes, shared with the interpreter used for the affine level.
"""

from __future__ import annotations

import numpy as np
from xdsl.dialects.builtin import ArrayAttr, DenseIntOrFPElementsAttr, ModuleOp, TensorType
from xdsl.ir import Operation, SSAValue

from ir_studio.toy import dialect as toy

MAX_CALL_DEPTH = 200

Value = np.ndarray | tuple  # a tensor, or a struct (tuple of values)


class EvaluationError(Exception):
    """The program cannot be evaluated (an unsupported op, a shape mismatch, recursion)."""

    def __init__(self, message: str, op: Operation | None = None) -> None:
        super().__init__(message)
        self.op = op


def format_print(array: np.ndarray) -> str:
    """`printf("%f ", x)` per element and a newline after each iteration of every loop
    but the innermost, exactly as the Ch6 lowering prints."""
    out: list[str] = []

    def emit(a: np.ndarray) -> None:
        if a.ndim == 0:
            out.append(f"{float(a):f} ")
            return
        for i in range(a.shape[0]):
            emit(a[i])
            if a.ndim > 1:
                out.append("\n")

    emit(np.asarray(array, dtype=np.float64))
    return "".join(out)


def _dense(attr: DenseIntOrFPElementsAttr) -> np.ndarray:
    assert isinstance(attr.type, TensorType)
    shape = tuple(attr.type.get_shape())
    return np.array(attr.get_values(), dtype=np.float64).reshape(shape)


def _struct(attr: ArrayAttr) -> tuple:
    return tuple(_struct(a) if isinstance(a, ArrayAttr) else _dense(a) for a in attr.data)  # pyright: ignore[reportArgumentType]  # a struct constant holds only arrays and dense tensors


class _Evaluator:
    def __init__(self, module: ModuleOp) -> None:
        self.functions = {
            op.sym_name.data: op for op in module.body.block.ops if isinstance(op, toy.FuncOp)
        }
        self.output: list[str] = []
        self.depth = 0

    def call(self, name: str, args: list[Value], at: Operation | None) -> Value | None:
        func = self.functions.get(name)
        if func is None:
            raise EvaluationError(f"no toy function '@{name}'", at)
        self.depth += 1
        if self.depth > MAX_CALL_DEPTH:
            raise EvaluationError(f"calls nested deeper than {MAX_CALL_DEPTH} (recursion?)", at)
        try:
            block = func.body.blocks.first
            assert block is not None
            env: dict[SSAValue, Value] = dict(zip(block.args, args, strict=True))
            for op in block.ops:
                if isinstance(op, toy.ReturnOp):
                    return None if op.input is None else env[op.input]
                self.step(op, env)
            return None
        finally:
            self.depth -= 1

    def step(self, op: Operation, env: dict[SSAValue, Value]) -> None:
        args = [env[v] for v in op.operands]
        result: Value | None
        match op:
            case toy.ConstantOp():
                result = _dense(op.value)
            case toy.StructConstantOp():
                result = _struct(op.value)
            case toy.StructAccessOp():
                result = args[0][op.index.value.data]
            case toy.ReshapeOp():
                rtype = op.res.type
                assert isinstance(rtype, TensorType)
                shape = tuple(rtype.get_shape())
                if np.asarray(args[0]).size != int(np.prod(shape)):
                    raise EvaluationError(f"cannot reshape {np.shape(args[0])} to {shape}", op)
                result = np.reshape(args[0], shape)
            case toy.TransposeOp():
                result = np.transpose(args[0])
            case toy.AddOp() | toy.MulOp():
                a, b = (np.asarray(x) for x in args)
                if a.shape != b.shape:
                    raise EvaluationError(f"'{op.name}' of shapes {a.shape} and {b.shape}", op)
                result = a + b if isinstance(op, toy.AddOp) else a * b
            case toy.CastOp():
                result = args[0]
            case toy.GenericCallOp():
                result = self.call(op.callee.string_value(), args, op)
            case toy.PrintOp():
                self.output.append(format_print(np.asarray(args[0])))
                result = None
            case _:
                raise EvaluationError(f"the toy evaluator cannot run '{op.name}'", op)
        if op.results and result is not None:
            env[op.results[0]] = result


def evaluate_toy(module: ModuleOp) -> str:
    """Run `main` of a toy-dialect module; returns what it prints."""
    evaluator = _Evaluator(module)
    evaluator.call("main", [], None)
    return "".join(evaluator.output)


def is_toy_level(module: ModuleOp) -> bool:
    return any(isinstance(op, toy.FuncOp) for op in module.body.block.ops)
