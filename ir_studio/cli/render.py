"""Diagnostics in mlir-opt's shape: `FILE:LINE:COL: error: MESSAGE`, the line, a caret."""

from __future__ import annotations

from collections.abc import Iterable

from ir_studio.diagnostics import Diagnostic, Related, Severity
from ir_studio.source import LineIndex, Span

_WINDOW = 160
"""Lines longer than this are shown as a window around the column."""


def _excerpt(lines: LineIndex, span: Span) -> str:
    start = lines.position(span.start)
    line = lines.line_text(start.line)
    column = start.column
    width = max(1, min(span.end, lines.line_end(start.line)) - span.start)
    offset = 0
    if len(line) > _WINDOW:
        offset = max(0, column - _WINDOW // 2)
        line = ("..." if offset else "") + line[offset : offset + _WINDOW] + "..."
        column = column - offset + (3 if offset else 0)
        width = min(width, _WINDOW)
    caret = " " * column + "^" + "~" * (min(width, max(1, len(line) - column)) - 1)
    return f"{line.rstrip()}\n{caret}"


def _header(name: str, lines: LineIndex, span: Span, label: str, message: str) -> str:
    position = lines.position(span.start)
    return f"{name}:{position.line + 1}:{position.column + 1}: {label}: {message}"


def render(name: str, lines: LineIndex, diagnostic: Diagnostic) -> str:
    parts = [
        _header(name, lines, diagnostic.span, diagnostic.severity.label, diagnostic.message),
        _excerpt(lines, diagnostic.span),
    ]
    for note in diagnostic.related:
        parts.append(_render_note(name, lines, note))
    return "\n".join(parts)


def _render_note(name: str, lines: LineIndex, note: Related) -> str:
    return "\n".join([
        _header(name, lines, note.span, Severity.HINT.label, note.message),
        _excerpt(lines, note.span),
    ])


def render_all(name: str, lines: LineIndex, diagnostics: Iterable[Diagnostic]) -> str:
    return "\n".join(render(name, lines, d) for d in diagnostics)
