"""`ir-studio check FILE...`: diagnostics on stderr, exit 0 clean, 1 errors, 2 unreadable.

With `--verify-diagnostics` the diagnostics are compared with the file's own
`expected-*` annotations instead (MLIR's convention, see `ir_studio.verify_diagnostics`).
"""

from __future__ import annotations

import argparse
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


# -- --verify-diagnostics ---------------------------------------------------------------
class _VerifyOption(argparse.Action):
    """`--verify-diagnostics[=lines]`. argparse would take a following FILE as the
    optional value; such a value goes back to the file list instead."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        if values is None or values == "lines":
            namespace.verify_diagnostics = "lines" if values == "lines" else "text"
            return
        namespace.verify_diagnostics = "text"
        namespace.verify_files = [*getattr(namespace, "verify_files", []), str(values)]


def add_verify_diagnostics_option(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--verify-diagnostics", nargs="?", metavar="lines", action=_VerifyOption,
        default=None,
        help="compare the diagnostics with the expected-error/warning/note/remark "
        "annotations in the file, as mlir-opt --verify-diagnostics does; exit 0 only when "
        "they match. =lines compares kinds and lines only, not the message text")


def check_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    files = [*getattr(args, "verify_files", []), *args.files]
    if not files:
        parser.error("check: the following arguments are required: FILE")
    if args.verify_diagnostics is None:
        return run_check(files)
    return run_verify(files, lines_only=args.verify_diagnostics == "lines")


def run_verify(paths: list[str], *, lines_only: bool = False) -> int:
    """Exit 0 when every file's diagnostics match its annotations exactly."""
    from ir_studio.verify_diagnostics import as_diagnostics, verify

    worst = ExitCode.OK
    for path in paths:
        source = load(path)
        if source is None:
            worst = ExitCode.USAGE
            continue
        diagnostics, lines = check_text(source)
        if source.problem is not None:
            print(render_all(source.name, lines, diagnostics), file=sys.stderr)
            worst = max(worst, ExitCode.DIAGNOSTICS)
            continue
        result = verify(source.text, diagnostics, lines_only=lines_only)
        if not result.ok:
            print(render_all(source.name, lines, as_diagnostics(result)), file=sys.stderr)
            if worst == ExitCode.OK:
                worst = ExitCode.DIAGNOSTICS
    return worst
