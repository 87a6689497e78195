"""Keep source locations through rewrites, as MLIR does.

xDSL gives ops created by a pattern `loc(unknown)`; MLIR gives them the location of
the op being rewritten. Every `PatternRewriter` reports insertions through
`handle_operation_insertion`; while `locations_inherited()` is active, an inserted op
(and anything nested in it) without a location takes the matched op's location.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from xdsl.dialects.builtin import UnknownLoc
from xdsl.ir import Operation
from xdsl.pattern_rewriter import PatternRewriter

_ACTIVE: ContextVar[bool] = ContextVar("inherit_locations", default=False)
_original_insertion = PatternRewriter.handle_operation_insertion


def _inherit(self: PatternRewriter, op: Operation) -> None:
    _original_insertion(self, op)
    if not _ACTIVE.get():
        return
    source = self._current_operation
    if source is None or isinstance(source.location, UnknownLoc):
        return
    for inner in op.walk():
        if isinstance(inner.location, UnknownLoc):
            inner.location = source.location


def install_location_inheritance() -> None:
    """A row of the extension layer's patch table (applied once by `shared_context()`)."""
    PatternRewriter.handle_operation_insertion = _inherit


@contextmanager
def locations_inherited() -> Iterator[None]:
    from ir_studio.context import shared_context

    shared_context()  # applies the patch table (once), which installs the hook
    token = _ACTIVE.set(True)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
