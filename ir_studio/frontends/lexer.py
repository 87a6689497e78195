"""A faster drop-in for xDSL's MLIR lexer.

xDSL's lexer makes about eight Python calls per token and is a third of parse time
(xdsl-notes §9). This subclass handles the common tokens (punctuation, identifiers,
SSA names, plain strings, decimal integers) with one regular-expression match each and
defers everything unusual to the original implementation, so behaviour stays xDSL's.
"""

from __future__ import annotations

import re

from xdsl.utils.exceptions import ParseError
from xdsl.utils.lexer import Span, Token
from xdsl.utils.mlir_lexer import MLIRLexer, MLIRToken, MLIRTokenKind

_WS = re.compile(r"(?:\s+|//[^\n]*)*", re.ASCII)
_BARE = re.compile(r"[a-zA-Z_][a-zA-Z0-9_$.]*")
_SUFFIX = re.compile(r"[0-9]+|[a-zA-Z$._-][a-zA-Z0-9$._-]*")
_PLAIN_STRING = re.compile(r'"[^"\\\n\v\f]*"')
_ANY_STRING = re.compile(r'"(?:[^"\\\n\v\f]|\\(?:["nt\\]|[0-9A-Fa-f]{2}))*"')
"""Linear: xDSL's own string pattern nests quantifiers and backtracks exponentially on
an unterminated string (a line of 30 characters after a lone `"` takes minutes)."""
_INTEGER = re.compile(r"[0-9]+(?![0-9xX.])")

_SINGLE = {
    ":": MLIRTokenKind.COLON,
    ",": MLIRTokenKind.COMMA,
    "(": MLIRTokenKind.L_PAREN,
    ")": MLIRTokenKind.R_PAREN,
    "}": MLIRTokenKind.R_BRACE,
    "[": MLIRTokenKind.L_SQUARE,
    "]": MLIRTokenKind.R_SQUARE,
    "<": MLIRTokenKind.LESS,
    ">": MLIRTokenKind.GREATER,
    "=": MLIRTokenKind.EQUAL,
    "+": MLIRTokenKind.PLUS,
    "/": MLIRTokenKind.SLASH,
    "*": MLIRTokenKind.STAR,
    "?": MLIRTokenKind.QUESTION,
    "|": MLIRTokenKind.VERTICAL_BAR,
}
_PREFIXED = {
    "%": MLIRTokenKind.PERCENT_IDENT,
    "^": MLIRTokenKind.CARET_IDENT,
    "!": MLIRTokenKind.EXCLAMATION_IDENT,
}
_IDENT_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")


class FastMLIRLexer(MLIRLexer):
    """Produces exactly the tokens of `MLIRLexer`, faster on the common ones."""

    def lex(self) -> MLIRToken:
        content = self.input.content
        pos = _WS.match(content, self.pos).end()  # pyright: ignore[reportOptionalMemberAccess]  # the pattern matches the empty string, so always matches
        self.pos = pos
        if pos >= self.input.len:
            return Token(MLIRTokenKind.EOF, Span(pos, pos, self.input))
        char = content[pos]
        kind = _SINGLE.get(char)
        if char == "{" and not content.startswith("{-#", pos):
            kind = MLIRTokenKind.L_BRACE  # `{-#` opens file metadata: xDSL's lexer reads it
        if kind is not None:
            self.pos = pos + 1
            return Token(kind, Span(pos, pos + 1, self.input))
        match = None
        if char in _IDENT_START:
            match = _BARE.match(content, pos)
            kind = MLIRTokenKind.BARE_IDENT
        elif char in _PREFIXED:
            match = _SUFFIX.match(content, pos + 1)
            kind = _PREFIXED[char]
        elif char == "#" and content.startswith("#-}", pos) is False:
            match = _SUFFIX.match(content, pos + 1)
            kind = MLIRTokenKind.HASH_IDENT
        elif char == "@":
            match = _BARE.match(content, pos + 1)
            kind = MLIRTokenKind.AT_IDENT
        elif char == '"':
            match = _PLAIN_STRING.match(content, pos)
            kind = MLIRTokenKind.STRING_LIT
            if match is None and _ANY_STRING.match(content, pos) is None:
                raise ParseError(Span(pos, pos + 1, self.input),
                                 "End of file reached before closing string literal.")
        elif "0" <= char <= "9":
            match = _INTEGER.match(content, pos)
            kind = MLIRTokenKind.INTEGER_LIT
        if match is None or kind is None:
            return super().lex()
        end = match.end()
        self.pos = end
        return Token(kind, Span(pos, end, self.input))
