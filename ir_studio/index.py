"""Answers "what is here", "where is it defined", "where is it used" from the spans the
parser recorded: no re-parsing, one binary search per query.

Values and blocks are local to their top-level item; symbols and aliases are looked
up per `// -----` chunk.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ir_studio.document import IRDocument
from ir_studio.frontends.records import OpRecord
from ir_studio.parse_item import ParsedItem
from ir_studio.source import Span
from ir_studio.symbols import unquote


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One thing in the text an editor can point at."""

    kind: str
    """op, value-def, value-use, block-def, block-use, symbol-def, symbol-use,
    alias-def, alias-use."""
    span: Span
    key: Any
    """Occurrences of the same entity share a key (an SSAValue, a Block, a name)."""
    payload: Any = None
    """The op record for ops, the value def or use record for values, None otherwise. Its spans are
    relative to the item: add `base`."""
    base: int = 0

    @property
    def is_definition(self) -> bool:
        return self.kind.endswith("-def")


def item_occurrences(parsed: ParsedItem) -> list[Occurrence]:
    """Every occurrence in the item, sorted by start (item-relative); computed once per
    item and shared by every snapshot that holds the item."""
    return parsed.memo("occurrences", lambda: _occurrences(parsed))


def _occurrences(parsed: ParsedItem) -> list[Occurrence]:
    record = parsed.record
    found: list[Occurrence] = []
    for op_record in record.ops:
        found.append(Occurrence("op", op_record.name_span, id(op_record.op), op_record))
    for definition in record.value_defs:
        found.append(Occurrence("value-def", definition.span, id(definition.value), definition))
    for use in record.value_uses:
        found.append(Occurrence("value-use", use.span, id(use.value), use))
    for block in record.block_defs:
        found.append(Occurrence("block-def", block.span, id(block.block)))
    for block in record.block_uses:
        found.append(Occurrence("block-use", block.span, id(block.block)))
    def_spans = {(d.span.start, d.span.end) for d in parsed.symbol_defs}
    token_spans = set()
    for token in record.symbol_tokens:
        token_spans.add((token.span.start, token.span.end))
        kind = "symbol-def" if (token.span.start, token.span.end) in def_spans else "symbol-use"
        found.append(Occurrence(kind, token.span, ("symbol", unquote(token.name))))
    for definition in parsed.symbol_defs:  # generic form: `sym_name = "f"`, no @-token
        if (definition.span.start, definition.span.end) not in token_spans:
            found.append(Occurrence("symbol-def", definition.span, ("symbol", definition.name)))
    for alias in record.alias_uses:
        found.append(Occurrence("alias-use", alias.span, ("alias", alias.name)))
    found.sort(key=lambda o: (o.span.start, -o.span.end))
    return found


def containing_ops(parsed: ParsedItem, relative: int) -> list[OpRecord]:
    """The op records whose span contains `relative`, innermost first: the last op
    starting at or before it and that op's ancestors (spans nest), O(log n + depth)."""
    from ir_studio.incremental_view import op_starts

    record = parsed.record
    if parsed.op is None:  # a failed parse's parent links are not reliable: scan
        return [r for r in reversed(record.ops) if r.span.start <= relative <= r.span.end]
    index = bisect_right(op_starts(parsed), relative) - 1
    found: list[OpRecord] = []
    while index is not None and index >= 0:
        op_record = record.ops[index]
        if op_record.span.start <= relative <= op_record.span.end:
            found.append(op_record)
        index = op_record.parent
    return found


def defs_by_start(parsed: ParsedItem) -> tuple[list[int], list[int]]:
    """Indices of the item's value definitions sorted by (start, index), and their
    starts: the definitions nearest before an offset in O(log n + answer)."""

    def build() -> tuple[list[int], list[int]]:
        defs = parsed.record.value_defs
        order = sorted(range(len(defs)), key=lambda i: defs[i].span.start)
        return order, [defs[i].span.start for i in order]

    return parsed.memo("defs_by_start", build)


def _by_key(parsed: ParsedItem) -> dict[Any, list[Occurrence]]:
    """The item's occurrences grouped by entity: references in O(answer), not O(item)."""

    def build() -> dict[Any, list[Occurrence]]:
        table: dict[Any, list[Occurrence]] = {}
        for occurrence in item_occurrences(parsed):
            table.setdefault(occurrence.key, []).append(occurrence)
        return table

    return parsed.memo("by_key", build)


class DocumentIndex:
    """Navigation over one `IRDocument`."""

    def __init__(self, document: IRDocument) -> None:
        self.document = document
        self._alias_defs = [(name, span, chunk.chunk.index)
                            for chunk in document.chunks for name, span in chunk.aliases]
        self._global_table: dict[tuple[int, Any], list[tuple[Span, str]]] | None = None

    @property
    def _globals(self) -> dict[tuple[int, Any], list[tuple[Span, str]]]:
        """Symbol and alias occurrences per chunk, built on the first symbol query (an
        edit's snapshot pays nothing for it until someone asks)."""
        if self._global_table is None:
            self._global_table = self._build_globals()
        return self._global_table

    def warm(self, pause: Callable[[], None] | None = None) -> None:
        """Build the lazy tables now (a server does this off its event loop): the
        records of patched items, the occurrence tables, and the lookups the next
        incremental patch of each large item will need. `pause` is called between
        steps: a server blocks there while a build runs, since both need the GIL."""
        from ir_studio.deep_stack import without_gc
        from ir_studio.incremental_view import prepare

        wait = pause if pause is not None else (lambda: None)

        def build() -> None:
            wait()
            _ = self._globals
            for placed in self.document.items:
                for step in (_by_key, defs_by_start, prepare):
                    wait()
                    step(placed.parsed)

        without_gc(build)

    def _build_globals(self) -> dict[tuple[int, Any], list[tuple[Span, str]]]:
        table: dict[tuple[int, Any], list[tuple[Span, str]]] = {}
        document = self.document
        for chunk in document.chunks:
            for name, span in chunk.aliases:
                table.setdefault((chunk.chunk.index, ("alias", name)), []).append(
                    (span, "alias-def"))
        for placed in document.items:
            for occurrence in item_occurrences(placed.parsed):
                if occurrence.kind.startswith(("symbol", "alias")):
                    key = (placed.chunk, occurrence.key)
                    table.setdefault(key, []).append(
                        (occurrence.span.shifted(placed.base), occurrence.kind))
        return table

    def at(self, offset: int) -> Occurrence | None:
        """The innermost occurrence touching `offset`, in file-absolute offsets."""
        for name, span, chunk in self._alias_defs:
            if span.contains(offset):
                return Occurrence("alias-def", span, ("alias", name), chunk)
        placed = self.document.item_at(offset)
        if placed is None:
            return None
        occurrences = item_occurrences(placed.parsed)
        relative = offset - placed.base
        position = bisect_right(occurrences, relative, key=lambda o: o.span.start)
        best: Occurrence | None = None
        for occurrence in reversed(occurrences[max(0, position - 8) : position]):
            if occurrence.span.contains(relative):
                if best is None or occurrence.span.end - occurrence.span.start < (
                        best.span.end - best.span.start):
                    best = occurrence
        if best is None:
            return None
        return Occurrence(best.kind, best.span.shifted(placed.base), best.key, best.payload,
                          placed.base)

    def definition(self, offset: int) -> list[Span]:
        found = [span for span, kind in self._related(offset) if kind.endswith("-def")]
        return self._within_root(offset, found) if len(found) > 1 else found

    def _within_root(self, offset: int, found: list[Span]) -> list[Span]:
        """For the leaf of a nested reference (`@c::@sel`, `@kernels::@k`): only the
        definitions inside the op that defines the root, when any is there. The index
        keys symbols by name, so a same-named symbol elsewhere would be offered too."""
        occurrence = self.at(offset)
        text = self.document.text
        if occurrence is None or not text.startswith("::", occurrence.span.start - 2):
            return found
        at = text.rfind("@", 0, occurrence.span.start - 2)
        root = unquote(text[at: occurrence.span.start - 2]) if at >= 0 else ""
        roots = self._globals.get((self._chunk_of(offset), ("symbol", root)), [])
        for span, kind in roots:
            placed = self.document.item_at(span.start) if kind == "symbol-def" else None
            if placed is not None:
                inside = [s for s in found if placed.base <= s.start < placed.end]
                if inside:
                    return inside
        return found

    def references(self, offset: int, include_declaration: bool = True) -> list[Span]:
        return [span for span, kind in self._related(offset)
                if include_declaration or not kind.endswith("-def")]

    def occurrences_of(self, offset: int) -> list[tuple[Span, bool]]:
        """Every occurrence of the entity at `offset` (definitions first), each with
        whether it is a definition: one pass, for highlights."""
        return [(span, kind.endswith("-def")) for span, kind in self._related(offset)]

    def _related(self, offset: int) -> list[tuple[Span, str]]:
        occurrence = self.at(offset)
        if occurrence is None:
            return []
        if occurrence.kind.startswith(("symbol", "alias")):
            placed = self._chunk_of(offset)
            entries = self._globals.get((placed, occurrence.key), [])
            return sorted(entries, key=lambda e: (not e[1].endswith("-def"), e[0].start))
        item = self.document.item_at(offset)
        assert item is not None
        entries = [
            (o.span.shifted(item.base), o.kind)
            for o in _by_key(item.parsed).get(occurrence.key, ())
            if o.kind != "op"
        ]
        return sorted(entries, key=lambda e: (not e[1].endswith("-def"), e[0].start))

    def _chunk_of(self, offset: int) -> int:
        for chunk in self.document.chunks:
            if chunk.chunk.start <= offset <= chunk.chunk.end:
                return chunk.chunk.index
        return 0

