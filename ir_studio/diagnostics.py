"""Core diagnostics: errors as values with exact spans, independent of any front end."""

from __future__ import annotations

from collections.abc import Iterable
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
class Subject:
    """What a diagnostic is about, as data, so quick fixes need not read the message:
    the misspelt or missing name, where it is written, and the names it could mean."""

    kind: str
    """undefined-value, undefined-symbol, unknown-op."""
    name: str
    """As written, with its sigil (`%x`, `@f`, `arith.addf`)."""
    span: Span
    candidates: tuple[str, ...] = ()
    """Names that exist where the diagnostic is, closest first."""

    def shifted(self, delta: int) -> Subject:
        return replace(self, span=self.span.shifted(delta)) if delta else self

    def as_data(self) -> dict[str, object]:
        """JSON-ready (an LSP diagnostic's `data`, which clients echo back in code action
        requests). Positions are left out: the name is written where the diagnostic
        starts, and the client's copy of the diagnostic has moved with any edits."""
        return {"kind": self.kind, "name": self.name, "candidates": list(self.candidates)}

    @staticmethod
    def from_data(data: object, start: int) -> Subject | None:
        """The subject echoed back by a client, its name written at `start`."""
        if not isinstance(data, dict):
            return None
        kind, name, candidates = data.get("kind"), data.get("name"), data.get("candidates")
        if not isinstance(kind, str) or not isinstance(name, str):
            return None
        if not isinstance(candidates, list):
            candidates = []
        return Subject(kind, name, Span(start, start + len(name)),
                       tuple(c for c in candidates if isinstance(c, str)))


def close_names(
    name: str, names: Iterable[str], n: int = 3, cutoff: float = 0.6
) -> tuple[str, ...]:
    """The existing names closest to a misspelt one."""
    import difflib

    return tuple(difflib.get_close_matches(name, sorted(set(names) - {name}), n=n,
                                           cutoff=cutoff))


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
    subject: Subject | None = None
    """The name the diagnostic is about, when it is about one."""

    def shifted(self, delta: int) -> Diagnostic:
        if delta == 0:
            return self
        return replace(
            self,
            span=self.span.shifted(delta),
            related=tuple(Related(r.span.shifted(delta), r.message) for r in self.related),
            subject=self.subject.shifted(delta) if self.subject is not None else None,
        )


def sort_key(diagnostic: Diagnostic) -> tuple[int, int, str]:
    return (diagnostic.span.start, diagnostic.span.end, diagnostic.message)
