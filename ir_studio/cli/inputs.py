"""Reading user files: every failure becomes a message, never a traceback."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ir_studio.diagnostics import Diagnostic
from ir_studio.source import Span


class UnreadableInput(Exception):
    """The file cannot be read at all (missing, a directory, no permission)."""


@dataclass(frozen=True, slots=True)
class SourceText:
    name: str
    text: str
    problem: Diagnostic | None = None
    """Set when the bytes are not text; `text` then is a lossy decoding for display."""


def read_source(path: str) -> SourceText:
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            raise UnreadableInput(f"{path}: is a directory") from None
        except FileNotFoundError:
            raise UnreadableInput(f"{path}: no such file") from None
        except OSError as error:
            raise UnreadableInput(f"{path}: cannot read: {error.strerror}") from None
        name = path
    return decode(name, data)


def decode(name: str, data: bytes) -> SourceText:
    nul = data.find(b"\0")
    if nul != -1:
        text = data[:nul].decode("utf-8", "replace")
        return SourceText(name, text, Diagnostic(
            Span(len(text), len(text)),
            f"binary file: NUL byte at offset {nul}; MLIR text files cannot contain one",
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
