"""Run affine/scf/cf/arith/memref/func IR with xDSL's interpreter, plus the one op the
Toy path keeps at that level: `toy.print` on a memref (printed by `format_print`)."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
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
    def run_print(
        self, interpreter: Interpreter, op: toy.PrintOp, args: tuple[Any, ...]
    ) -> tuple[()]:
        array = args[0]
        if not isinstance(array, ShapedArray):
            raise TypeError(f"toy.print expects a memref here, got {type(array).__name__}")
        data = np.array(array.data, dtype=np.float64).reshape(tuple(array.shape))
        interpreter.print(format_print(data), end="")
        return ()


def interpret(module: ModuleOp, entry: str = "main") -> str:
    """Call `entry` with no arguments; returns what the program printed."""
    from ir_studio.transforms.affine_symbols import symbols_as_dims

    symbols_as_dims(module)
    stream = io.StringIO()
    interpreter = Interpreter(module, file=stream)
    register_implementations(interpreter, shared_context())
    interpreter.register_implementations(_ToyPrintFunctions())
    interpreter.call_op(entry, ())
    return stream.getvalue()
