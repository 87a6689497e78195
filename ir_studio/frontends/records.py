"""Plain records of what the span-recording parser saw, in file-absolute offsets.

They hold references to the xDSL objects they describe (ops, values, blocks) so that
features can answer questions about types and owners, but the records themselves are
never mutated after a parse finishes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from xdsl.ir import Block, Operation, SSAValue

from ir_studio.source import Span


@dataclass(slots=True)
class OpRecord:
    op: Operation
    name_span: Span
    span: Span
    parent: int | None
    """Index of the enclosing op's record, None for a top-level op."""


@dataclass(slots=True)
class ValueDef:
    value: SSAValue
    name: str
    """Name as written, with `%` and without a `#k` suffix."""
    group_index: int
    group_size: int
    span: Span


@dataclass(slots=True)
class ValueUse:
    value: SSAValue
    span: Span
    owner: int | None
    """Index of the op record whose operand this is (None at top level)."""


@dataclass(slots=True)
class BlockRef:
    block: Block
    span: Span
    owner: int | None


@dataclass(slots=True)
class NamedRef:
    """A `@symbol` or alias token: its text and the innermost op being parsed."""

    name: str
    span: Span
    owner: int | None


@dataclass(slots=True)
class ParseRecord:
    ops: list[OpRecord] = field(default_factory=list)
    value_defs: list[ValueDef] = field(default_factory=list)
    value_uses: list[ValueUse] = field(default_factory=list)
    block_defs: list[BlockRef] = field(default_factory=list)
    block_uses: list[BlockRef] = field(default_factory=list)
    symbol_tokens: list[NamedRef] = field(default_factory=list)
    alias_defs: list[NamedRef] = field(default_factory=list)
    alias_uses: list[NamedRef] = field(default_factory=list)
