"""Core diagnostics: errors as values with exact spans, independent of any front end."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum

from ir_studio.source import Span


class Severity(IntEnum):
    """Numbered as LSP numbers them, so the server converts without a table."""

    ERROR = 1
    WARNING = 2
    INFO = 3
    HINT = 4

    @property
    def label(self) -> str:
        return {1: "error", 2: "warning", 3: "remark", 4: "note"}[int(self)]


@dataclass(frozen=True, slots=True)
class Related:
    """A note attached to a diagnostic, e.g. where a conflicting definition is."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    span: Span
    message: str
    severity: Severity = Severity.ERROR
    category: str = "parse"
    """One of parse, unregistered (custom syntax of a dialect nobody registered: an
    error for `check`, as mlir-opt; a warning in the editor), verify, dominance, symbol,
    internal, io."""
    related: tuple[Related, ...] = ()
    source: str = "ir-studio"

    def shifted(self, delta: int) -> Diagnostic:
        if delta == 0:
            return self
        return replace(
            self,
            span=self.span.shifted(delta),
            related=tuple(Related(r.span.shifted(delta), r.message) for r in self.related),
        )


def sort_key(diagnostic: Diagnostic) -> tuple[int, int, str]:
    return (diagnostic.span.start, diagnostic.span.end, diagnostic.message)
