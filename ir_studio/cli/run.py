"""`ir-studio run FILE`: lower to LLVM IR if needed, JIT-compile and run `main`.

Prints exactly what the program prints (toyc-ch6 `-emit=jit` for Toy programs).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ir_studio.cli.check import load
from ir_studio.cli.exit_codes import ExitCode
from ir_studio.cli.render import render_all

if TYPE_CHECKING:
    from xdsl.ir import Operation


def _pipeline_for(module: Operation) -> str | None:
    """What a module still needs: nothing at llvm level, the Toy path from toy level,
    `lower-to-llvm` from anywhere in between."""
    names = {op.name for op in module.walk()}
    names.discard("builtin.module")
    if names and all(n.startswith("llvm.") for n in names):
        return None
    if any(n.startswith("toy.") and n != "toy.print" for n in names):
        return "toy-to-llvm"
    return "lower-to-llvm"


def run_program(args: argparse.Namespace) -> int:
    from ir_studio.cli.lower import print_step_failure
    from ir_studio.cli.program import load_program

    source = load(args.file)
    if source is None:
        return ExitCode.USAGE
    loaded = load_program(source)
    if loaded.diagnostics:
        print(render_all(source.name, loaded.lines, loaded.diagnostics), file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    if loaded.chunks > 1:
        print("ir-studio: error: run takes one module; this file has `// -----` splits",
              file=sys.stderr)
        return ExitCode.USAGE
    module = loaded.module
    assert module is not None
    pipeline = _pipeline_for(module)
    if pipeline is not None:
        from ir_studio.pipeline import resolve_pipeline, run_pipeline

        text = "lower-to-llvm" if pipeline == "lower-to-llvm" else None
        steps = resolve_pipeline(None if text else pipeline, text)
        run = run_pipeline(module, steps, record_ir=False)
        if run.failed is not None:
            print_step_failure(source, loaded.lines, run.failed)
            return ExitCode.DIAGNOSTICS
    from ir_studio.execution.jit import JITError, run_llvm_ir
    from ir_studio.llvm_emit import LLVMEmitError, emit_llvm_ir

    try:
        result = run_llvm_ir(emit_llvm_ir(module), entry=args.entry)
    except (LLVMEmitError, JITError) as error:
        print(f"ir-studio: error: {error}", file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    return ExitCode.OK
