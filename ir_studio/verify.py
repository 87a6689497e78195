"""Per-op verification: every failing op reported at itself, not the first failure
reported against a dump of the whole module (xdsl-notes §7).

Symbol uses are checked separately with one table per scope (`ir_studio.symbols`),
so xDSL's per-call linear symbol scans are switched off while we verify.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeGuard

from xdsl.dialects.builtin import UnregisteredOp
from xdsl.ir import Operation
from xdsl.ir.core import OpTraits
from xdsl.irdl.operations import OpDef
from xdsl.traits import IsTerminator, NoTerminator, Pure, SymbolUserOpInterface
from xdsl.utils.exceptions import VerifyException

from ir_studio.extra_verifiers import verify_extra
from ir_studio.pre_verifiers import verify_before

_SKIP_SYMBOL_USES: ContextVar[bool] = ContextVar("skip_symbol_uses", default=False)
_FILTERED: dict[int, OpDef] = {}
_original_verify = OpDef.verify  # kept before the patch table replaces it


def _verify_without_symbol_uses(self: OpDef, op: Operation) -> None:
    if not _SKIP_SYMBOL_USES.get():
        _original_verify(self, op)
        return
    filtered = _FILTERED.get(id(self))
    if filtered is None:
        kept = tuple(t for t in self.traits if not isinstance(t, SymbolUserOpInterface))
        if len(kept) == len(self.traits.traits):
            filtered = self
        else:
            filtered = copy.copy(self)
            filtered.traits = OpTraits(lambda kept=kept: kept)
        _FILTERED[id(self)] = filtered
    _original_verify(filtered, op)


def install_symbol_use_filter() -> None:
    """A row of the extension layer's patch table (applied once by `shared_context()`)."""
    OpDef.verify = _verify_without_symbol_uses


@contextmanager
def symbol_uses_skipped() -> Iterator[None]:
    from ir_studio.context import shared_context

    shared_context()  # applies the patch table (once), which installs the filter
    token = _SKIP_SYMBOL_USES.set(True)
    try:
        yield
    finally:
        _SKIP_SYMBOL_USES.reset(token)


def _is_unregistered(op: Operation) -> TypeGuard[UnregisteredOp]:
    return isinstance(op, UnregisteredOp)


def op_display_name(op: Operation) -> str:
    """The name as written, also for unregistered ops (xDSL renames those)."""
    if _is_unregistered(op):
        return op.op_name.data
    return op.name


def verify_successors(op: Operation) -> None:
    block = op.parent
    region = None if block is None else block.parent
    if not op.successors:
        return
    if block is None or region is None:
        raise VerifyException("operation with successors must be inside a block")
    if block.last_op is not op:
        raise VerifyException("operation with block successors must terminate its parent block")
    for successor in op.successors:
        if successor.parent is not region:
            raise VerifyException("branching to a block of a different region")


def terminator_problems(op: Operation) -> list[tuple[Operation, str]]:
    """MLIR's rule: a block needs a terminator unless it is the single block of a region
    whose op may have NoTerminator (unregistered ops might). Returns (op to blame, msg)."""
    problems: list[tuple[Operation, str]] = []
    lenient_parent = _is_unregistered(op) or op.has_trait(NoTerminator)
    for region in op.regions:
        if len(region.blocks) == 1 and lenient_parent:
            continue
        for block in region.blocks:
            last = block.last_op
            if last is None:
                problems.append((op, "empty block: expect at least a terminator"))
            elif not _is_unregistered(last) and not last.has_trait(IsTerminator):
                problems.append((last, f"block with no terminator, has '{op_display_name(last)}'"))
    return problems


def verify_op(op: Operation) -> None:
    """Raise `VerifyException` (or whatever xDSL raises) for this op alone."""
    verify_successors(op)
    verify_before(op)
    op.verify_()
    verify_extra(op)


class VerifyMemo:
    """Skip re-verifying an op identical to one that already passed.

    Only for pure ops without regions or successors, keyed on everything their
    verifier can see (class, operand and result types, properties, attributes, parent):
    20,000 `arith.addi ... : i32` in one function then cost one verification.
    """

    def __init__(self) -> None:
        self.passed: set[tuple[object, ...]] = set()

    @staticmethod
    def key(op: Operation) -> tuple[object, ...] | None:
        if op.regions or op.successors or not op.has_trait(Pure):
            return None
        try:
            return (
                type(op),
                tuple(v.type for v in op.operands),
                tuple(r.type for r in op.results),
                tuple(op.properties.items()),
                tuple(op.attributes.items()),
                id(op.parent_op()),
            )
        except TypeError:  # an unhashable attribute: just verify
            return None
