"""Tokens of the Toy language, each with the line and column the tutorial's lexer reports.

Toy's lexer is tiny (identifiers, numbers, `#` comments, single-character punctuation),
so a hand-written scanner is clearer than a regex table and keeps exact columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based line and column in a Toy file, as toyc prints them (`@file:line:col`)."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


class Kind(Enum):
    IDENT = "identifier"
    NUMBER = "number"
    PUNCT = "punctuation"
    KEYWORD = "keyword"
    EOF = "end of file"


KEYWORDS = frozenset({"def", "var", "return", "struct"})


@dataclass(frozen=True, slots=True)
class Token:
    kind: Kind
    text: str
    loc: Location
    end_col: int

    def is_punct(self, char: str) -> bool:
        return self.kind is Kind.PUNCT and self.text == char

    def describe(self) -> str:
        if self.kind is Kind.EOF:
            return "end of file"
        return f"'{self.text}'"


def tokenize(text: str, file: str) -> list[Token]:
    """Split Toy source into tokens; unknown characters become punctuation tokens.

    The parser, not the lexer, reports a character it cannot use, so the message can
    say what was expected there (as toyc does).
    """
    tokens: list[Token] = []
    line, line_start, i, n = 1, 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            line, line_start, i = line + 1, i + 1, i + 1
            continue
        if ch in " \t\r\f\v":
            i += 1
            continue
        if ch == "#":
            while i < n and text[i] != "\n":
                i += 1
            continue
        start = i
        col = i - line_start + 1
        if ch.isalpha() or ch == "_":
            while i < n and (text[i].isalnum() or text[i] == "_"):
                i += 1
            word = text[start:i]
            kind = Kind.KEYWORD if word in KEYWORDS else Kind.IDENT
        elif ch.isdigit() or ch == ".":
            if ch == "." and not (i + 1 < n and text[i + 1].isdigit()):
                i += 1
                kind = Kind.PUNCT
            else:
                while i < n and (text[i].isdigit() or text[i] == "."):
                    i += 1
                if i < n and text[i] in "eE":
                    j = i + 1
                    if j < n and text[j] in "+-":
                        j += 1
                    if j < n and text[j].isdigit():
                        i = j
                        while i < n and text[i].isdigit():
                            i += 1
                kind = Kind.NUMBER
        else:
            i += 1
            kind = Kind.PUNCT
        tokens.append(Token(kind, text[start:i], Location(file, line, col), col + i - start))
    tokens.append(Token(Kind.EOF, "", Location(file, line, i - line_start + 1), i - line_start + 1))
    return tokens
