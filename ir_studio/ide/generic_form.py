"""One op's generic form without its regions' contents, cheap even for a huge function."""

from __future__ import annotations

from io import StringIO

from xdsl.ir import Operation
from xdsl.printer import Printer

MAX_CHARS = 2_000


def generic_head(op: Operation) -> str:
    """`%0 = "arith.addi"(%a, %b) <{...}> : (i32, i32) -> i32`, regions as `({...})`."""
    stream = StringIO()
    printer = Printer(stream=stream, print_generic_format=True)
    if op.results:
        printer.print_list(op.results, printer.print_ssa_value)
        stream.write(" = ")
    from ir_studio.verify import op_display_name

    stream.write(f'"{op_display_name(op)}"(')
    printer.print_list(op.operands, printer.print_ssa_value)
    stream.write(")")
    if op.successors:
        stream.write("[")
        printer.print_list(op.successors, printer.print_block_name)
        stream.write("]")
    if op.properties:
        stream.write(" <")
        printer.print_attr_dict(op.properties)
        stream.write(">")
    if op.regions:
        stream.write(" (" + ", ".join("{...}" for _ in op.regions) + ")")
    if op.attributes:
        stream.write(" ")
        printer.print_attr_dict(op.attributes)
    stream.write(" : ")
    printer.print_function_type([o.type for o in op.operands], [r.type for r in op.results])
    text = stream.getvalue()
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + " ..."
