"""Core spans (code-point offsets) <-> LSP positions in the negotiated encoding.

LSP counts columns in UTF-16 code units by default (UTF-8 or UTF-32 if negotiated);
the core counts code points. Lines are found by binary search in the snapshot's line
index, and only a line with non-ASCII text needs its columns recounted.
"""

from __future__ import annotations

from lsprotocol import types

from ir_studio.diagnostics import Diagnostic
from ir_studio.source import LineIndex, Span


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


class Converter:
    """Positions for one text (one document version)."""

    def __init__(self, text: str, lines: LineIndex | None = None, encoding: str = "utf-16") -> None:
        self.text = text
        self.lines = lines if lines is not None else LineIndex(text)
        self.encoding = encoding

    def position(self, offset: int) -> types.Position:
        pos = self.lines.position(offset)
        line_text = self.lines.line_text(pos.line)
        return types.Position(pos.line, _units(line_text[: pos.column], self.encoding))

    def range(self, span: Span) -> types.Range:
        return types.Range(self.position(span.start), self.position(span.end))

    def offset(self, position: types.Position) -> int:
        line = position.line
        if line >= self.lines.line_count:
            return len(self.text)
        line_text = self.lines.line_text(line)
        column = position.character
        if not line_text.isascii() and self.encoding != "utf-32":
            column = _column_from_units(line_text, column, self.encoding)
        return self.lines.offset(line, column)

    def span(self, range_: types.Range) -> Span:
        return Span(self.offset(range_.start), self.offset(range_.end))


def _column_from_units(line: str, units: int, encoding: str) -> int:
    count = 0
    for index, char in enumerate(line):
        if count >= units:
            return index
        count += _units(char, encoding)
    return len(line)


def _severity(d: Diagnostic) -> types.DiagnosticSeverity:
    """The core numbers severities as LSP does. In the editor, custom syntax of a dialect
    nobody registered is a warning: the rest of the file keeps working."""
    if d.category == "unregistered":
        return types.DiagnosticSeverity.Warning
    return types.DiagnosticSeverity(int(d.severity))


def diagnostic(d: Diagnostic, conv: Converter, uri: str) -> types.Diagnostic:
    related = [
        types.DiagnosticRelatedInformation(types.Location(uri, conv.range(r.span)), r.message)
        for r in d.related
    ]
    return types.Diagnostic(
        range=conv.range(d.span),
        message=d.message,
        severity=_severity(d),
        source=d.source,
        code=d.category,
        related_information=related or None,
        data=d.subject.as_data() if d.subject is not None else None,
    )
