"""Printing IR as text: one place decides the printer options."""

from __future__ import annotations

from io import StringIO

from xdsl.ir import Operation
from xdsl.printer import Printer


def print_ir(op: Operation, *, generic: bool = False, debuginfo: bool = False) -> str:
    stream = StringIO()
    Printer(stream=stream, print_generic_format=generic, print_debuginfo=debuginfo).print_op(op)
    stream.write("\n")
    return stream.getvalue()
