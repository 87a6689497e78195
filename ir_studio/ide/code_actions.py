"""Quick fixes: upstream's "add expected-* diagnostic checks", and "did you mean" for a
misspelt value, symbol or op name (closest names that exist where the error is)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ir_studio.document import IRDocument
from ir_studio.items import split_items
from ir_studio.source import LineIndex, Span


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[tuple[Span, str], ...]
    preferred: bool = False


_SEVERITY_WORD = {1: "error", 2: "warning", 3: "remark", 4: "remark"}
_UNDEFINED_VALUE = re.compile(r"use of undeclared SSA value name '(%[^']+)'")
_UNDEFINED_SYMBOL = re.compile(r"undefined symbol '@([^']+)'|'@([^']+)' does not reference")
_UNKNOWN_OP = re.compile(r"unknown operation '([\w$]+)\.([\w$.]+)'")


def expected_checks(
    text: str, span: Span, message: str, severity: int, notes: list[tuple[Span, str]]
) -> Fix:
    """Insert `// expected-error @below {{...}}` above the line of the diagnostic (and
    `expected-note` lines for its notes, above theirs), indented like those lines."""
    lines = LineIndex(text)
    edits: list[tuple[Span, str]] = []

    def above(at: Span, word: str, msg: str) -> None:
        line = lines.position(at.start).line
        start = lines.line_start(line)
        indent = re.match(r"[ \t]*", lines.line_text(line)).group(0)  # pyright: ignore[reportOptionalMemberAccess]  # `[ \t]*` matches every string
        edits.append((Span(start, start), f"{indent}// expected-{word} @below {{{{{msg}}}}}\n"))

    above(span, _SEVERITY_WORD.get(severity, "error"), message)
    for note_span, note in notes:
        if note.startswith("see current operation"):
            continue
        above(note_span, "note", note)
    return Fix("Add expected-* diagnostic checks", tuple(edits))


def _values_before(text: str, offset: int) -> list[str]:
    items = [i for i in split_items(text, 0, len(text)) if i.start <= offset <= i.end]
    start = items[0].start if items else 0
    return sorted(set(re.findall(r"%[\w$.\-]+(?=\s*(?::\s*[^=\s]|[,=)]))", text[start:offset])))


def did_you_mean(document: IRDocument | None, text: str, span: Span, message: str) -> list[Fix]:
    """Replacement suggestions for the name the diagnostic is about."""
    found = _UNDEFINED_VALUE.search(message)
    if found:
        name = found.group(1)
        candidates = [c for c in _values_before(text, span.start) if c != name]
        return _fixes(name, candidates, span, text)
    found = _UNDEFINED_SYMBOL.search(message)
    if found and document is not None:
        name = found.group(1) or found.group(2)
        symbols = sorted({d.name for p in document.items for d in p.parsed.symbol_defs})
        token = Span(span.start, span.start + len(name) + 1)
        return [
            Fix(f"Did you mean '@{s}'?", ((token, "@" + s),))
            for s in difflib.get_close_matches(name, symbols, n=3)
        ]
    found = _UNKNOWN_OP.search(message)
    if found:
        from ir_studio.context import shared_context

        dialect = shared_context().get_optional_dialect(found.group(1))
        if dialect is None:
            return []
        full = f"{found.group(1)}.{found.group(2)}"
        names = [op.name for op in dialect.operations]
        at = text.find(full, span.start)
        if at < 0:
            return []
        token = Span(at, at + len(full))
        return [
            Fix(f"Did you mean '{n}'?", ((token, n),))
            for n in difflib.get_close_matches(full, names, n=3)
        ]
    return []


def _fixes(name: str, candidates: list[str], span: Span, text: str) -> list[Fix]:
    token = Span(span.start, span.start + len(name)) if text.startswith(name, span.start) else span
    return [
        Fix(f"Did you mean '{c}'?", ((token, c),), preferred=i == 0)
        for i, c in enumerate(difflib.get_close_matches(name, candidates, n=3, cutoff=0.5))
    ]
