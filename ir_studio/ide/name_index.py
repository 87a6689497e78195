"""The navigation half of `DocumentIndex` for files indexed by name (Toy, LLVM IR):
subclasses say which entries belong together (`_related`), this answers definition,
references and highlights from that."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ir_studio.source import Span


class NameIndex:
    def _related(self, offset: int) -> list[Any]:
        """Entries (with `.span` and `.kind`, definitions first) of the name at offset."""
        raise NotImplementedError

    def definition(self, offset: int) -> list[Span]:
        return [e.span for e in self._related(offset) if e.kind.endswith("-def")]

    def references(self, offset: int, include_declaration: bool = True) -> list[Span]:
        return [
            e.span
            for e in self._related(offset)
            if include_declaration or not e.kind.endswith("-def")
        ]

    def occurrences_of(self, offset: int) -> list[tuple[Span, bool]]:
        return [(e.span, e.kind.endswith("-def")) for e in self._related(offset)]

    def warm(self, pause: Callable[[], None] | None = None) -> None:
        """Nothing is lazy in a name index."""
