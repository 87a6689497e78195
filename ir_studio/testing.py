"""Helpers for tests of ir-studio and of code built on it."""

from __future__ import annotations

from ir_studio.source import Span


def span_of(text: str, needle: str, occurrence: int = 0) -> Span:
    """The span of the `occurrence`-th match of `needle` in `text` (fails loudly)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def text_at(text: str, span: Span) -> str:
    return text[span.start : span.end]
