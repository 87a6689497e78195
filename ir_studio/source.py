"""Source text helpers: offsets, line/column conversion and `// -----` chunking.

Every position inside the core is a code-point offset into the whole file. Lines and
columns are derived on demand through one `LineIndex` per text, so chunks and cached
top-level items can move without re-parsing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

SPLIT_MARKER_RE = re.compile(r"^// -----[^\n]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code-point offsets into one file."""

    start: int
    end: int

    def contains(self, offset: int) -> bool:
        """Cursor semantics: a cursor right after the last character still touches it."""
        return self.start <= offset <= self.end

    def shifted(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)


@dataclass(frozen=True, slots=True)
class Position:
    """A zero-based line and code-point column."""

    line: int
    column: int


class LineIndex:
    """Maps offsets to (line, column) in O(log n) after one O(n) scan of the text."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        # Line starts = running sums of line lengths (each +1 for its newline), in C.
        starts = [0]
        starts.extend(accumulate(len(line) + 1 for line in text.split("\n")))
        starts.pop()
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self._text)))
        line = bisect_right(self._starts, offset) - 1
        return Position(line, offset - self._starts[line])

    def offset(self, line: int, column: int) -> int:
        """Clamp out-of-range positions instead of failing: editors send stale ones."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self._text)
        start = self._starts[line]
        return min(start + max(column, 0), self.line_end(line))

    def line_start(self, line: int) -> int:
        return self._starts[line]

    def line_end(self, line: int) -> int:
        """Offset of the line's newline (or of the end of text)."""
        if line + 1 < len(self._starts):
            return self._starts[line + 1] - 1
        return len(self._text)

    def line_text(self, line: int) -> str:
        if line < 0 or line >= len(self._starts):
            return ""
        return self._text[self._starts[line] : self.line_end(line)]


@dataclass(frozen=True, slots=True)
class Chunk:
    """One `// -----` separated part of a file, parsed independently of the others."""

    index: int
    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


def split_chunks(text: str) -> tuple[Chunk, ...]:
    """Split on `// -----` lines as mlir-opt's --split-input-file does.

    Offsets stay file-absolute: a chunk is only a window onto the file, so positions
    reported inside it need no shifting.
    """
    chunks: list[Chunk] = []
    start = 0
    for match in SPLIT_MARKER_RE.finditer(text):
        chunks.append(Chunk(len(chunks), start, match.start()))
        start = match.end()
    chunks.append(Chunk(len(chunks), start, len(text)))
    return tuple(chunks)
