"""Printing IR as text: one place decides the printer options.

`print_with_lines` also says which op starts on which printed line, so a front end that
shows printed IR maps a line back to its op (and the op's location) without reading the
text again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import StringIO

from xdsl.dialects.builtin import FileLineColLoc
from xdsl.ir import Operation
from xdsl.printer import Printer

from ir_studio.dialects.extensions.patches import apply_patches


def print_ir(op: Operation, *, generic: bool = False, debuginfo: bool = False) -> str:
    apply_patches()  # ops a pass built without parsing still print in MLIR's syntax
    stream = StringIO()
    Printer(stream=stream, print_generic_format=generic, print_debuginfo=debuginfo).print_op(op)
    stream.write("\n")
    return stream.getvalue()


@dataclass
class _RecordingPrinter(Printer):
    starts: dict[int, Operation] = field(default_factory=dict)
    """Printed line -> the outermost op that starts on it."""

    def print_op(self, op: Operation) -> None:
        self.starts.setdefault(self._current_line, op)
        super().print_op(op)


@dataclass(frozen=True)
class PrintedIR:
    text: str
    starts: dict[int, Operation]

    def op_at(self, line: int) -> Operation | None:
        """The op printed on `line` (0-based), or the one whose text it continues."""
        for number in range(line, -1, -1):
            op = self.starts.get(number)
            if op is not None:
                return op
        return None


def print_with_lines(
    ops: list[Operation], *, generic: bool = False, debuginfo: bool = False
) -> PrintedIR:
    """`ops` printed one after another, with the line on which each op starts."""
    stream = StringIO()
    printer = _RecordingPrinter(stream=stream, print_generic_format=generic,
                                print_debuginfo=debuginfo)
    apply_patches()
    for op in ops:
        printer.print_op(op)
        printer.print_string("\n")
    return PrintedIR(stream.getvalue(), printer.starts)


def file_location(op: Operation) -> tuple[str, int, int] | None:
    """The op's `file:line:col` location, when it has one."""
    loc = op.location
    if isinstance(loc, FileLineColLoc):
        return loc.filename.data, loc.line.data, loc.column.data
    return None
