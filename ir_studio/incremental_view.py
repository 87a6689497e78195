"""Lookups into an item that work the same on a whole parse and on a patched item.

A patched item (`ir_studio.incremental.Patch`) is its previous version with some lines
replaced; until its full record is needed, lookups go through the patch: before the
edited lines to the previous version unchanged, inside them to the new ops, after them
to the previous version shifted by the edit's length change. That keeps an edit's cost
proportional to the edit, not to the function. `materialize` splices the full record.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from xdsl.ir import SSAValue

from ir_studio.frontends.records import (
    BlockRef,
    NamedRef,
    OpRecord,
    ParseRecord,
    ValueDef,
    ValueUse,
)
from ir_studio.source import Span

if TYPE_CHECKING:
    from ir_studio.parse_item import ParsedItem


def _whole(item: ParsedItem) -> bool:
    return item.patch is None or item.materialized


def _moved(span: Span, delta: int) -> Span:
    return Span(span.start + delta, span.end + delta) if delta else span


def _moved_op(record: OpRecord, delta: int) -> OpRecord:
    if not delta:
        return record
    return OpRecord(record.op, _moved(record.name_span, delta), _moved(record.span, delta), None)


def _moved_def(definition: ValueDef, delta: int) -> ValueDef:
    if not delta:
        return definition
    return ValueDef(definition.value, definition.name, definition.group_index,
                    definition.group_size, _moved(definition.span, delta))


def _before(record: OpRecord, patch: Any) -> OpRecord:
    """A record from before the edited lines; an enclosing op's end moves with the edit."""
    if record.span.end < patch.old_end or not patch.delta:
        return record
    return OpRecord(record.op, record.name_span,
                    Span(record.span.start, record.span.end + patch.delta), record.parent)


def op_starts(item: ParsedItem) -> list[int]:
    return item.memo("op_starts", lambda: [r.span.start for r in item.record.ops])


def ops_between(item: ParsedItem, start: int, end: int) -> list[OpRecord]:
    """Op records starting in [start, end), in text order."""
    patch = item.patch
    if patch is None or item.materialized:
        starts = op_starts(item)
        ops = item.record.ops
        return ops[bisect_left(starts, start) : bisect_left(starts, end)]
    r0, new_end, delta = patch.start, patch.new_end, patch.delta
    found: list[OpRecord] = []
    if start < r0:
        found.extend(_before(o, patch) for o in ops_between(patch.base, start, min(end, r0)))
    low, high = max(start, r0), min(end, new_end)
    if low < high:
        found.extend(o for o in patch.layer.ops if low <= o.span.start < high)
    if end > new_end:
        found.extend(_moved_op(o, delta)
                     for o in ops_between(patch.base, max(start, new_end) - delta, end - delta))
    return found


def op_before(item: ParsedItem, offset: int) -> OpRecord | None:
    """The last op record starting before `offset`."""
    patch = item.patch
    if patch is None or item.materialized:
        index = bisect_left(op_starts(item), offset)
        return item.record.ops[index - 1] if index else None
    if offset > patch.new_end:
        found = op_before(patch.base, offset - patch.delta)
        if found is not None and found.span.start >= patch.old_end:
            return _moved_op(found, patch.delta)
        offset = patch.new_end
    if offset > patch.start:
        layer = [o for o in patch.layer.ops if o.span.start < offset]
        if layer:
            return layer[-1]
        offset = patch.start
    found = op_before(patch.base, offset)
    return _before(found, patch) if found is not None else None


def op_from(item: ParsedItem, offset: int) -> OpRecord | None:
    """The first op record starting at or after `offset`."""
    patch = item.patch
    if patch is None or item.materialized:
        starts = op_starts(item)
        index = bisect_left(starts, offset)
        return item.record.ops[index] if index < len(starts) else None
    if offset < patch.start:
        found = op_from(patch.base, offset)
        if found is not None and found.span.start < patch.start:
            return _before(found, patch)
        offset = patch.start
    if offset < patch.new_end:
        layer = [o for o in patch.layer.ops if o.span.start >= offset]
        if layer:
            return layer[0]
        offset = patch.new_end
    found = op_from(patch.base, offset - patch.delta)
    return _moved_op(found, patch.delta) if found is not None else None


def _defs_by_name(item: ParsedItem) -> dict[str, list[ValueDef]]:
    def build() -> dict[str, list[ValueDef]]:
        table: dict[str, list[ValueDef]] = {}
        for definition in item.record.value_defs:
            table.setdefault(definition.name[1:], []).append(definition)
        return table

    return item.memo("defs_by_name", build)


def defs_named(item: ParsedItem, name: str) -> list[ValueDef]:
    """Definitions of `%name` (bare name), in text order."""
    patch = item.patch
    if patch is None or item.materialized:
        return _defs_by_name(item).get(name, [])
    base = defs_named(patch.base, name)
    found = [d for d in base if d.span.start < patch.start]
    found.extend(d for d in patch.layer.value_defs if d.name[1:] == name)
    found.extend(_moved_def(d, patch.delta) for d in base if d.span.start >= patch.old_end)
    return found


def def_of(item: ParsedItem, value: SSAValue) -> ValueDef | None:
    """The definition record of `value`."""
    patch = item.patch
    if patch is None or item.materialized:
        table = item.memo("def_by_value", lambda: {id(d.value): d for d in item.record.value_defs})
        return table.get(id(value))
    for definition in patch.layer.value_defs:
        if definition.value is value:
            return definition
    found = def_of(patch.base, value)
    if found is None or patch.start <= found.span.start < patch.old_end:
        return None
    return _moved_def(found, patch.delta) if found.span.start >= patch.old_end else found


def _uses_by_value(item: ParsedItem) -> dict[int, list[ValueUse]]:
    def build() -> dict[int, list[ValueUse]]:
        table: dict[int, list[ValueUse]] = {}
        for use in item.record.value_uses:
            table.setdefault(id(use.value), []).append(use)
        return table

    return item.memo("uses_by_value", build)


def uses_of(item: ParsedItem, value: SSAValue) -> list[ValueUse]:
    """The recorded uses of `value` (owners are not kept in this view)."""
    patch = item.patch
    if patch is None or item.materialized:
        return _uses_by_value(item).get(id(value), [])
    found = [u for u in patch.layer.value_uses if u.value is value]
    for old_value in patch.inverse.get(id(value), [value]):
        for use in uses_of(patch.base, old_value):
            start = use.span.start
            if patch.start <= start < patch.old_end:
                continue
            span = _moved(use.span, patch.delta) if start >= patch.old_end else use.span
            found.append(ValueUse(value, span, None))
    return found


def materialize(item: ParsedItem) -> ParseRecord:
    """The full record of a patched item: the previous version's, with the edited
    lines' records replaced and everything after them shifted."""
    patch = item.patch
    assert patch is not None
    base = patch.base
    old = base.record
    starts = op_starts(base)
    r0, end, delta, remap = patch.start, patch.old_end, patch.delta, patch.remap
    k0, k1 = bisect_left(starts, r0), bisect_left(starts, end)
    layer = patch.layer
    moved = len(layer.ops) - (k1 - k0)
    parent = next((i for i in range(k0 - 1, -1, -1) if old.ops[i].op is patch.parent_op), None)

    def index(i: int | None) -> int | None:
        return i if i is None or i < k0 else i + moved

    ops = old.ops[:k0]
    ancestor = parent
    while ancestor is not None and delta:
        record = ops[ancestor]
        ops[ancestor] = OpRecord(record.op, record.name_span,
                                 Span(record.span.start, record.span.end + delta), record.parent)
        ancestor = record.parent
    ops.extend(OpRecord(o.op, o.name_span, o.span, parent) for o in layer.ops)
    if not delta and not moved:
        ops.extend(old.ops[k1:])
    else:
        ops.extend(OpRecord(o.op, _moved(o.name_span, delta), _moved(o.span, delta),
                            index(o.parent)) for o in old.ops[k1:])
    defs = [d if d.span.start < r0 else _moved_def(d, delta)
            for d in old.value_defs if not r0 <= d.span.start < end]
    defs.extend(layer.value_defs)
    uses: list[ValueUse] = []
    for use in old.value_uses:
        start = use.span.start
        if r0 <= start < end:
            continue
        value = remap.get(id(use.value))
        if start >= end and (delta or moved or value is not None):
            uses.append(ValueUse(value or use.value, _moved(use.span, delta), index(use.owner)))
        elif value is not None:
            uses.append(ValueUse(value, use.span, use.owner))
        else:
            uses.append(use)
    uses.extend(ValueUse(u.value, u.span, None if u.owner is None else u.owner + k0)
                for u in layer.value_uses)

    def blocks(refs: list[BlockRef]) -> list[BlockRef]:
        if not delta and not moved:
            return [r for r in refs if not r0 <= r.span.start < end]
        return [r if r.span.start < r0 else BlockRef(r.block, _moved(r.span, delta),
                                                     index(r.owner))
                for r in refs if not r0 <= r.span.start < end]

    def named(refs: list[NamedRef], new: list[NamedRef]) -> list[NamedRef]:
        kept = [r if r.span.start < r0 else NamedRef(r.name, _moved(r.span, delta),
                                                     index(r.owner))
                for r in refs if not r0 <= r.span.start < end]
        kept.extend(NamedRef(r.name, r.span, None if r.owner is None else r.owner + k0)
                    for r in new)
        kept.sort(key=lambda r: r.span.start)
        return kept

    return ParseRecord(ops, defs, uses, blocks(old.block_defs), blocks(old.block_uses),
                       named(old.symbol_tokens, layer.symbol_tokens),
                       list(old.alias_defs), named(old.alias_uses, layer.alias_uses))


def prepare(item: ParsedItem, min_chars: int = 4_000) -> None:
    """Build the tables a patch of this (large) item looks things up in, so the first
    edit after a pause does not pay for them."""
    if item.op is None or len(item.text) < min_chars:
        return
    op_starts(item)
    _defs_by_name(item)
    _uses_by_value(item)
    def_of(item, item.record.value_defs[0].value) if item.record.value_defs else None
