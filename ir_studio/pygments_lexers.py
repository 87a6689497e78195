"""Pygments lexers for MLIR and Toy (the TUI highlights with them; they are also
registered as `pygments.lexers` entry points, so `pygmentize -l mlir` works)."""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, inherit, words
from pygments.lexers.asm import LlvmLexer
from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
)


class MLIRLexer(RegexLexer):
    """MLIR: ops with dialect prefixes, SSA values, blocks, symbols, types, attributes,
    aliases, locations."""

    name = "MLIR"
    aliases = ["mlir"]
    filenames = ["*.mlir"]
    mimetypes = ["text/x-mlir"]

    tokens = {
        "root": [
            (r"\s+", Whitespace),
            (r"//.*?$", Comment.Single),
            (r'"(\\\\|\\"|[^"\n])*"', String),
            (r"%[\w$.\-]+(:\d+|#\d+)?", Name.Variable),
            (r"\^[\w$.\-]+", Name.Label),
            (r'@[\w$.]+|@"[^"\n]*"', Name.Function),
            (r"#[\w$.\-]+", Name.Constant),
            (r"![\w$.\-]+", Name.Class),
            (r"\b(loc)(\()", bygroups(Keyword.Pseudo, Punctuation)),
            (
                words(
                    (
                        "module",
                        "func",
                        "attributes",
                        "private",
                        "public",
                        "nested",
                        "to",
                        "step",
                        "iter_args",
                        "ins",
                        "outs",
                        "dense",
                        "true",
                        "false",
                        "unit",
                        "affine_map",
                        "affine_set",
                        "array",
                        "unknown",
                    ),
                    suffix=r"\b",
                ),
                Keyword,
            ),
            (
                r"\b(i\d+|si\d+|ui\d+|f16|bf16|f32|f64|f80|f128|index|none|tensor|memref|"
                r"vector|complex|tuple)\b",
                Keyword.Type,
            ),
            (r"\b[A-Za-z_][\w$]*\.[\w$.]+\b", Name.Builtin),
            (r"0x[0-9a-fA-F]+", Number.Hex),
            (r"-?\d+\.\d*([eE][-+]?\d+)?", Number.Float),
            (r"-?\d+", Number.Integer),
            (r"->|=|:|\*|\?", Operator),
            (r"[(){}\[\]<>,]", Punctuation),
            (r"[\w$.]+", Name),
            (r".", Text),
        ],
    }


class ToyLexer(RegexLexer):
    """The MLIR tutorial's Toy language."""

    name = "Toy"
    aliases = ["toy"]
    filenames = ["*.toy"]
    mimetypes = ["text/x-toy"]

    tokens = {
        "root": [
            (r"\s+", Whitespace),
            (r"#.*?$", Comment.Single),
            (words(("def", "var", "return", "struct"), suffix=r"\b"), Keyword),
            (words(("print", "transpose"), suffix=r"\b"), Name.Builtin),
            (r"[A-Za-z_]\w*(?=\s*\()", Name.Function),
            (r"[A-Za-z_]\w*", Name),
            (r"\d+(\.\d*)?([eE][-+]?\d+)?|\.\d+", Number),
            (r"[-+*/=.]", Operator),
            (r"[(){}\[\]<>,;]", Punctuation),
            (r".", Text),
        ],
    }


class LLVM22Lexer(LlvmLexer):
    """Pygments' LLVM lexer plus the attribute syntax it does not know yet (LLVM 21-22:
    `captures(none)`, `memory(argmem: read)`, `nuw`/`nusw` on getelementptr, ...), which
    it shows as error tokens."""

    name = "LLVM 22 IR"
    aliases = ["llvm22"]
    filenames = []  # `*.ll` stays with Pygments' own lexer unless asked for
    tokens = {
        "root": [
            (
                words(
                    (
                        "captures",
                        "memory",
                        "argmem",
                        "inaccessiblemem",
                        "errnomem",
                        "readwrite",
                        "nusw",
                        "nuw",
                        "initializes",
                        "range",
                        "dead_on_unwind",
                        "writable",
                        "address",
                        "provenance",
                        "read_provenance",
                    ),
                    suffix=r"\b",
                ),
                Keyword,
            ),
            (r"(?<=[a-z])(:)(?=\s)", Punctuation),  # `argmem: read` inside memory(...)
            inherit,
        ],
    }
