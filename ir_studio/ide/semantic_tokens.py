"""Semantic tokens from what the parser recorded: ops, values, blocks, symbols, aliases
(with a `declaration` modifier on definitions), plus comments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ir_studio.document import IRDocument
from ir_studio.index import item_occurrences

TOKEN_TYPES = ("function", "variable", "label", "method", "macro", "comment", "namespace")
MODIFIERS = ("declaration",)

_TYPE_OF = {"op": 0, "value": 1, "block": 2, "symbol": 3, "alias": 4}
_COMMENT = re.compile(r"//[^\n]*")


@dataclass(frozen=True, slots=True)
class SemanticToken:
    start: int
    end: int
    type: int
    modifiers: int


def semantic_tokens(
    document: IRDocument, start: int = 0, end: int | None = None
) -> list[SemanticToken]:
    end = len(document.text) if end is None else end
    tokens: list[SemanticToken] = []
    for placed in document.items:
        if placed.end < start or placed.base > end:
            continue
        for occurrence in item_occurrences(placed.parsed):
            a = placed.base + occurrence.span.start
            b = placed.base + occurrence.span.end
            if b < start or a > end:
                continue
            kind = occurrence.kind.split("-")[0]
            modifiers = 1 if occurrence.is_definition else 0
            if kind == "op":
                name = document.text[a:b]
                dot = name.find(".")
                if dot > 0 and not name.startswith('"'):
                    tokens.append(SemanticToken(a, a + dot, 6, 0))
                    tokens.append(SemanticToken(a + dot + 1, b, 0, 0))
                    continue
            tokens.append(SemanticToken(a, b, _TYPE_OF[kind], modifiers))
    for chunk in document.chunks:
        for name, span in chunk.aliases:
            if start <= span.start <= end:
                tokens.append(SemanticToken(span.start, span.start + len(name), 4, 1))
    for match in _COMMENT.finditer(document.text, start, end):
        tokens.append(SemanticToken(match.start(), match.end(), 5, 0))
    tokens.sort(key=lambda t: t.start)
    out: list[SemanticToken] = []
    for token in tokens:  # drop overlaps (a `//` inside a string literal, nested spans)
        if out and token.start < out[-1].end:
            continue
        out.append(token)
    return out
