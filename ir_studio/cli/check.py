"""`ir-studio check FILE...`: diagnostics on stderr, exit 0 clean, 1 errors, 2 unreadable."""

from __future__ import annotations

import sys

from ir_studio.application import SourceText, Unreadable, load_program, read_source
from ir_studio.cli.exit_codes import ExitCode
from ir_studio.cli.render import render_all
from ir_studio.diagnostics import Diagnostic
from ir_studio.source import LineIndex


def load(path: str) -> SourceText | None:
    source = read_source(path)
    if isinstance(source, Unreadable):
        print(f"ir-studio: error: {source.message}", file=sys.stderr)
        return None
    return source


def check_text(source: SourceText) -> tuple[list[Diagnostic], LineIndex]:
    """The file's diagnostics through its language, exactly as the editor shows them."""
    program = load_program(source)
    return program.diagnostics, program.lines


def run_check(paths: list[str]) -> int:
    worst = ExitCode.OK
    for path in paths:
        source = load(path)
        if source is None:
            worst = ExitCode.USAGE
            continue
        diagnostics, lines = check_text(source)
        if diagnostics:
            print(render_all(source.name, lines, diagnostics), file=sys.stderr)
            if worst == ExitCode.OK:
                worst = ExitCode.DIAGNOSTICS
    return worst
