"""Printing IR as text: one place decides the printer options."""

from __future__ import annotations

from io import StringIO

from xdsl.ir import Operation
from xdsl.printer import Printer


def print_ir(op: Operation, *, generic: bool = False, debuginfo: bool = False) -> str:
    if not generic:
        from ir_studio.dialects.upstream_syntax import install_for_op

        install_for_op(op)
    stream = StringIO()
    Printer(stream=stream, print_generic_format=generic, print_debuginfo=debuginfo).print_op(op)
    stream.write("\n")
    return stream.getvalue()
