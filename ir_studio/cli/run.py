"""`ir-studio run FILE`: lower to LLVM IR if needed, JIT-compile and run `main`.

Prints exactly what the program prints (toyc-ch6 `-emit=jit` for Toy programs; an `.ll`
file runs as it is).
"""

from __future__ import annotations

import argparse
import sys

from ir_studio.cli.check import load
from ir_studio.cli.exit_codes import ExitCode
from ir_studio.cli.render import render_all


def run_program(args: argparse.Namespace) -> int:
    from ir_studio.application import load_program, lowerable
    from ir_studio.application import run_program as run
    from ir_studio.cli.lower import print_step_failure

    source = load(args.file)
    if source is None:
        return ExitCode.USAGE
    program = load_program(source)
    if program.diagnostics:
        print(render_all(source.name, program.lines, program.diagnostics), file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    if program.language.lowers:
        why_not = lowerable(program, "run")
        if why_not is not None:
            print(f"ir-studio: error: {why_not}", file=sys.stderr)
            return ExitCode.USAGE
    result = run(program, args.entry)
    if result.stdout is None:
        failed = result.lowering.failed if result.lowering is not None else None
        if failed is not None:
            print_step_failure(source, program.lines, failed)
        else:
            print(f"ir-studio: error: {result.error}", file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    return ExitCode.OK
