"""Inlay hints: the type of each value whose type the op's text does not spell
(`%c = arith.constant true` is an i1; `scf.for %i = ...` makes an index)."""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.ir import Block, BlockArgument

from ir_studio.document import IRDocument


@dataclass(frozen=True)
class InlayHint:
    offset: int
    label: str


def inlay_hints(document: IRDocument, start: int, end: int) -> list[InlayHint]:
    hints: list[InlayHint] = []
    for placed in document.items:
        if placed.end < start or placed.base > end or placed.parsed.op is None:
            continue
        text = placed.parsed.text
        records = placed.parsed.record.ops
        op_text: dict[int, str] = {}
        for definition in placed.parsed.record.value_defs:
            at = placed.base + definition.span.end
            if not start <= at <= end or definition.group_size > 1:
                continue
            value = definition.value
            owner = value.owner
            if isinstance(value, BlockArgument) or isinstance(owner, Block):
                spelled_in = _line(text, definition.span.start)
            else:
                key = id(owner)
                if key not in op_text:
                    record = next((r for r in records if r.op is owner), None)
                    op_text[key] = (
                        "" if record is None else _head(text, record.span.start, record.span.end)
                    )
                spelled_in = op_text[key]
            type_text = str(value.type)
            if type_text not in spelled_in:
                hints.append(InlayHint(at, f": {type_text}"))
    return hints


def _line(text: str, offset: int) -> str:
    end = text.find("\n", offset)
    return text[text.rfind("\n", 0, offset) + 1 : end if end >= 0 else len(text)]


def _head(text: str, start: int, end: int) -> str:
    """The op's text up to its first region (types after a region belong to the op too,
    but a region's contents do not)."""
    brace = text.find("{", start, end)
    newline = text.find("\n", start, end)
    if brace >= 0 and newline >= 0 and newline > brace:
        return text[start:end] if text.count("\n", start, end) == 0 else text[start:newline]
    return text[start:end]
