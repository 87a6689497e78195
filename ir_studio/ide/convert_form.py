"""Rewrite one op between its generic and its custom ("pretty") form, keeping every
SSA name as written. Only ops without regions: a region's contents would be reprinted,
and the edit must not touch what the user did not ask to change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import StringIO

from xdsl.ir import Operation, SSAValue
from xdsl.printer import Printer

from ir_studio.document import IRDocument, PlacedItem
from ir_studio.frontends.records import OpRecord
from ir_studio.source import Span
from ir_studio.verify import op_display_name

_TRAILING_LOC = re.compile(r"\s+loc\((?:[^()]|\([^()]*\))*\)\s*$")


@dataclass(frozen=True)
class FormEdit:
    title: str
    span: Span
    text: str


def _names(placed: PlacedItem) -> dict[int, str]:
    """Source name (without `%`) of every value the item defines."""
    names: dict[int, str] = {}
    for definition in placed.parsed.record.value_defs:
        base = definition.name[1:]
        names[id(definition.value)] = (
            base if definition.group_size == 1 else (f"{base}#{definition.group_index}")
        )
    return names


def _printer(
    stream: StringIO, placed: PlacedItem, values: list[SSAValue], generic: bool
) -> Printer:
    from ir_studio.incremental import stand_ins

    printer = Printer(stream=stream, print_generic_format=generic)
    names = _names(placed)
    sources = stand_ins(placed.parsed)  # ops added by an edit read values through these
    for value in values:
        name = names.get(id(sources.get(id(value), value)))
        if name is not None:
            printer._ssa_values[value] = name
    return printer


def _record_at(placed: PlacedItem, relative: int) -> OpRecord | None:
    best = None
    for record in placed.parsed.record.ops:
        if record.name_span.start <= relative <= record.name_span.end:
            best = record
    return best


def form_edits(document: IRDocument, offset: int) -> list[FormEdit]:
    placed = document.item_at(offset)
    if placed is None or placed.parsed.op is None:
        return []
    record = _record_at(placed, offset - placed.base)
    if record is None or record.op.regions:
        return []
    op: Operation = record.op
    source = placed.parsed.text[record.span.start : record.span.end]
    loc = _TRAILING_LOC.search(source)
    suffix = loc.group(0) if loc else ""
    generic = source.lstrip().startswith(('"', "%")) and f'"{op_display_name(op)}"' in source
    values = [*op.operands, *op.results]
    stream = StringIO()
    printer = _printer(stream, placed, values, generic=not generic)
    if not generic:
        printer.print_op(op)
        title = "Convert to generic form"
    else:
        if op_display_name(op) != op.name:
            return []  # unregistered: no custom form exists
        printer.print_op(op)
        title = "Convert to custom form"
    text = stream.getvalue() + suffix
    span = Span(placed.base + record.span.start, placed.base + record.span.end)
    return [FormEdit(title, span, text)]
