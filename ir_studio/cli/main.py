"""`ir-studio` entry point: argument parsing and dispatch only.

Heavy imports (xDSL, dialects) happen inside the subcommands, so `--help` and
`--version` answer at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ir_studio import __version__
from ir_studio.cli.exit_codes import ExitCode

EPILOG = ("exit codes: 0 success, 1 diagnostics in the input (or a failing pass), "
          "2 usage error or unreadable file")


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on usage errors already; keep that, but never print a trace."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ir-studio", description="IDE tooling for MLIR and LLVM IR. "
                     "`ir-studio FILE` opens the terminal UI on FILE; `ir-studio` alone on a "
                     "bundled sample.",
                     epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"ir-studio {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="parse and verify MLIR, Toy or LLVM IR files",
                                epilog=EPILOG,
                                description="Parse and verify files (MLIR, Toy or LLVM IR, "
                                "by suffix) as the editor does; report every error as "
                                "FILE:LINE:COL on stderr.")
    check.add_argument("files", nargs="*", metavar="FILE", help="a file, or - for stdin (MLIR)")
    from ir_studio.cli.check import add_verify_diagnostics_option

    add_verify_diagnostics_option(check)

    lower = commands.add_parser("lower", help="run a pass pipeline", epilog=EPILOG,
                                description="Parse, verify and run a pass pipeline; the "
                                "result goes to stdout (or -o), dumps and timing to stderr.")
    lower.add_argument("file", nargs="?", metavar="FILE",
                       help="MLIR file or - for stdin (default: the bundled sample)")
    group = lower.add_mutually_exclusive_group()
    group.add_argument("--pipeline", metavar="NAME",
                       help="a named pipeline or any pass (see 'passes'), or a pipeline string")
    group.add_argument("--pass-pipeline", metavar="STR",
                       help="e.g. 'cse,canonicalize{max-iterations=3}' or "
                       "'builtin.module(func.func(cse))'")
    lower.add_argument("-o", "--output", metavar="OUT", help="write the result here")
    lower.add_argument("--emit", default="mlir",
                       choices=["ast", "mlir", "mlir-affine", "mlir-llvm", "llvm"],
                       help="output level, as toyc's -emit: ast (Toy only), mlir, "
                       "mlir-affine, mlir-llvm, llvm (LLVM IR)")
    lower.add_argument("--opt", action="store_true",
                       help="with --emit mlir on a .toy file: inline, infer shapes, "
                       "canonicalize (toy-opt)")
    lower.add_argument("--check-each-step", action="store_true",
                       help="run the program after every pass; exit 1 if its output changes")
    lower.add_argument("--generic", action="store_true", help="print ops in generic form")
    dumps = lower.add_mutually_exclusive_group()
    dumps.add_argument("--print-ir-after-all", action="store_true")
    dumps.add_argument("--print-ir-after-change", action="store_true")
    lower.add_argument("--timing", action="store_true", help="per-pass time table on stderr")

    run = commands.add_parser("run", help="JIT-compile and run a program", epilog=EPILOG,
                              description="Lower a .toy or .mlir program to LLVM IR (an .ll file "
                              "runs as it is), "
                              "JIT-compile it and run its main; prints what it prints.")
    run.add_argument("file", metavar="FILE",
                     help=".toy, .mlir or .ll file, or - for stdin (MLIR)")
    run.add_argument("--entry", default="main", help="function to call (default: main)")

    commands.add_parser("lsp", help="start the language server (stdio by default)",
                              add_help=False,
                              description="Start the language server; see `ir-studio lsp "
                              "--help` for --tcp, --host, --port.")

    from ir_studio.cli.tpu import add_parser as add_tpu

    add_tpu(commands)

    commands.add_parser("passes", help="list passes and named pipelines",
                        description="List every pass and named pipeline.")
    return parser


BATCH_COMMANDS = frozenset({"check", "lower", "run", "tpu", "passes"})


def entry() -> None:
    """Console-script entry. A batch command ends with `os._exit` once its output is
    flushed: tearing down the interpreter frees every object of the parsed IR one by
    one (about 0.5 s on a 20,000-op file, a third of a cold `check`), work the OS does
    for free. This is what clang does with -disable-free. The server and the TUI exit
    normally."""
    code = main()
    if sys.argv[1:2] and sys.argv[1] in BATCH_COMMANDS:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (BrokenPipeError, OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as error:  # the last net: a message, never a traceback
        print(f"ir-studio: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return ExitCode.DIAGNOSTICS


def _main(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    commands = {"check", "lower", "run", "lsp", "tpu", "passes"}
    if not arguments or (arguments[0] not in commands and not arguments[0].startswith("-")):
        return _tui(arguments)
    if arguments[:1] == ["lsp"]:  # the server has its own options (--tcp, --port, ...)
        from ir_studio.lsp.server import main as lsp_main

        return lsp_main(arguments[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        from ir_studio.cli.check import check_command

        return check_command(parser, args)
    if args.command == "lower":
        from ir_studio.cli.lower import run_lower

        return run_lower(args)
    if args.command == "run":
        from ir_studio.cli.run import run_program

        return run_program(args)
    if args.command == "tpu":
        from ir_studio.cli.tpu import run_tpu

        return run_tpu(args)
    if args.command == "passes":
        from ir_studio.cli.passes import run_passes

        return run_passes()
    parser.print_help()
    return ExitCode.OK


def _tui(arguments: list[str]) -> int:
    """`ir-studio [FILE] [--pipeline NAME]`: the terminal UI (bundled sample without FILE)."""
    path = arguments[0] if arguments else None
    pipeline = None
    if "--pipeline" in arguments[1:]:
        at = arguments.index("--pipeline")
        pipeline = arguments[at + 1] if at + 1 < len(arguments) else None
    if path is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        build_parser().print_help()
        return ExitCode.OK
    if path is not None:
        from pathlib import Path

        if not Path(path).is_file():
            print(f"ir-studio: error: {path}: no such file", file=sys.stderr)
            return ExitCode.USAGE
    from ir_studio.tui.app import make_app

    make_app(path, pipeline).run()
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
