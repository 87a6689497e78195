"""A pass that cannot do its job fails with a message placed at an op, as MLIR's
`emitError` does; the pipeline runner turns it into a located step error."""

from __future__ import annotations

from xdsl.dialects.builtin import FileLineColLoc
from xdsl.ir import Operation


class PassFailure(Exception):
    """Raised by a pass; carries the op the message is about (for its location)."""

    def __init__(
        self, message: str, op: Operation | None = None, *, at: tuple[str, int, int] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = at if at is not None or op is None else location_of(op)


def location_of(op: Operation) -> tuple[str, int, int] | None:
    """(file, line, column) of an op's FileLineColLoc, or None when it has none."""
    loc = op.location
    if isinstance(loc, FileLineColLoc):
        return loc.filename.data, loc.line.data, loc.column.data
    return None
