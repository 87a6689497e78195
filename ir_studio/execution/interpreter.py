"""Run affine/scf/cf/arith/memref/func IR with xDSL's interpreter, plus the one op the
Toy path keeps at that level: `toy.print` on a memref (printed by `format_print`)."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
from xdsl.dialects import affine
from xdsl.dialects.builtin import ModuleOp
from xdsl.interpreter import Interpreter, InterpreterFunctions, impl, register_impls
from xdsl.interpreters import register_implementations
from xdsl.interpreters.shaped_array import ShapedArray

from ir_studio.context import shared_context
from ir_studio.toy import dialect as toy
from ir_studio.toy.evaluator import format_print


@register_impls
class _ToyPrintFunctions(InterpreterFunctions):
    @impl(toy.PrintOp)
    def run_print(self, interpreter: Interpreter, op: toy.PrintOp, args: tuple[Any, ...]) -> tuple[()]:
        array = args[0]
        if not isinstance(array, ShapedArray):
            raise TypeError(f"toy.print expects a memref here, got {type(array).__name__}")
        data = np.array(array.data, dtype=np.float64).reshape(tuple(array.shape))
        interpreter.print(format_print(data), end="")
        return ()


def _indices(op: affine.LoadOp | affine.StoreOp, operands: list[Any]) -> tuple[int, ...]:
    # xDSL's parser reads `%m[%i, %j]` as symbols, its interpreter passes them as dims;
    # split them the way the map declares them.
    amap = op.map.data
    return amap.eval(operands[: amap.num_dims], operands[amap.num_dims :])


@register_impls
class _AffineAccessFunctions(InterpreterFunctions):
    @impl(affine.LoadOp)
    def run_load(self, interpreter: Interpreter, op: affine.LoadOp, args: tuple[Any, ...]) -> tuple[Any]:
        memref, *operands = args
        return (memref.load(_indices(op, operands)),)

    @impl(affine.StoreOp)
    def run_store(self, interpreter: Interpreter, op: affine.StoreOp, args: tuple[Any, ...]) -> tuple[()]:
        value, memref, *operands = args
        memref.store(_indices(op, operands), value)
        return ()


def interpret(module: ModuleOp, entry: str = "main") -> str:
    """Call `entry` with no arguments; returns what the program printed."""
    stream = io.StringIO()
    interpreter = Interpreter(module, file=stream)
    register_implementations(interpreter, shared_context())
    interpreter.register_implementations(_ToyPrintFunctions())
    interpreter.register_implementations(_AffineAccessFunctions(), override=True)
    interpreter.call_op(entry, ())
    return stream.getvalue()
