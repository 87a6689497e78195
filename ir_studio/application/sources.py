"""Reading user files of any language: every failure is a value (`Unreadable` for a
missing or unreadable path, a `problem` diagnostic for bytes that are not UTF-8 text),
never a traceback."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ir_studio.diagnostics import Diagnostic
from ir_studio.source import Span


@dataclass(frozen=True, slots=True)
class Unreadable:
    """The file cannot be read at all (missing, a directory, no permission)."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class SourceText:
    name: str
    text: str
    problem: Diagnostic | None = None
    """Set when the bytes are not text; `text` then is a lossy decoding for display."""


def read_source(path: str) -> SourceText | Unreadable:
    """The text of `path` (`-`: stdin)."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            return Unreadable(path, f"{path}: is a directory")
        except FileNotFoundError:
            return Unreadable(path, f"{path}: no such file")
        except OSError as error:
            return Unreadable(path, f"{path}: cannot read: {error.strerror}")
        name = path
    return decode(name, data)


def decode(name: str, data: bytes) -> SourceText:
    nul = data.find(b"\0")
    if nul != -1:
        text = data[:nul].decode("utf-8", "replace")
        return SourceText(name, text, Diagnostic(
            Span(len(text), len(text)),
            f"binary file: NUL byte at offset {nul}; IR text files cannot contain one",
            category="io",
        ))
    try:
        return SourceText(name, data.decode("utf-8"))
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", "replace")
        text = data.decode("utf-8", "replace")
        return SourceText(name, text, Diagnostic(
            Span(len(prefix), len(prefix) + 1),
            f"invalid UTF-8 byte 0x{data[error.start]:02x} at offset {error.start}",
            category="io",
        ))
