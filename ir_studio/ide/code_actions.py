"""Quick fixes: upstream's "add expected-* diagnostic checks" (for any error, warning or
remark: parser, verifier, or one mlir-lsp-server reported), and "did you mean" for a
misspelt value, symbol or op name (the closest names that exist where the error is,
carried by the diagnostic's `Subject`)."""

from __future__ import annotations

import re
from collections.abc import Callable
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
    targets = [(lines.position(span.start).line, message)]
    targets += [(lines.position(note_span.start).line, note) for note_span, note in notes]
    inserts = expected_check_inserts(targets, severity, lines.line_text)
    edits = tuple(
        (Span(lines.line_start(line), lines.line_start(line)), insert) for line, insert in inserts
    )
    return Fix("Add expected-* diagnostic checks", edits)


def expected_check_inserts(
    targets: list[tuple[int, str]], severity: int, line_text: Callable[[int], str] | None = None
) -> list[tuple[int, str]]:
    """(line, text to insert at its column 0) for a diagnostic (`targets[0]`) and its
    notes (the rest). Without the text (`line_text` None: the client asked about a
    document it never opened here, as MLIR's own lit test does) lines are not indented;
    the diagnostic's lines and messages are all the check needs."""
    out = []
    for index, (line, message) in enumerate(targets):
        if index and message.startswith("see current operation"):
            continue
        word = _SEVERITY_WORD.get(severity, "error") if index == 0 else "note"
        indent = ""
        if line_text is not None:
            indent = re.match(r"[ \t]*", line_text(line)).group(0)  # pyright: ignore[reportOptionalMemberAccess]  # `[ \t]*` matches every string
        out.append((line, f"{indent}// expected-{word} @below {{{{{message}}}}}\n"))
    return out


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
