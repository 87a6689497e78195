"""Quick fixes: upstream's "add expected-* diagnostic checks", and "did you mean" for a
misspelt value, symbol or op name (the closest names that exist where the error is,
carried by the diagnostic's `Subject`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ir_studio.diagnostics import Subject
from ir_studio.source import LineIndex, Span


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[tuple[Span, str], ...]
    preferred: bool = False


_SEVERITY_WORD = {1: "error", 2: "warning", 3: "remark", 4: "remark"}


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


def did_you_mean(subject: Subject | None, text: str) -> list[Fix]:
    """Replacement suggestions for the name the diagnostic is about: its candidates, as
    the core found them where the error is (nothing is read back from the message)."""
    if subject is None or not subject.candidates:
        return []
    span = subject.span
    if text[span.start : span.end] != subject.name:
        return []  # the text moved on since the diagnostic was made
    return [
        Fix(f"Did you mean '{c}'?", ((span, c),),
            preferred=i == 0 and subject.kind == "undefined-value")
        for i, c in enumerate(subject.candidates)
    ]
