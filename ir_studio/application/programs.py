"""Opening a file of any language into a `Program`: the one way the CLI, the TUI and
tests read files, so all of them agree with the editor on what is an error and where."""

from __future__ import annotations

from ir_studio.application.sources import SourceText, Unreadable, decode, read_source
from ir_studio.languages import Program, language_for
from ir_studio.source import LineIndex


def load_program(source: SourceText, language_id: str | None = None) -> Program:
    """Parse (for Toy: compile) with the file's language; `module` is None on errors."""
    language = language_for(source.name, language_id)
    if source.problem is not None:
        return Program(source.name, source.text, language, LineIndex(source.text), None,
                       [source.problem])
    return language.load(source.name, source.text)


def open_program(path: str, text: str | None = None) -> Program | Unreadable:
    """`path` read from disk, or `text` given for it (an editor buffer, a test)."""
    if text is None:
        source = read_source(path)
        if isinstance(source, Unreadable):
            return source
    else:
        source = decode(path, text.encode("utf-8"))
    return load_program(source)
