"""`ir-studio lower`: parse, verify, run a pipeline, print the result (mlir-opt style)."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ir_studio.application import SourceText, decode
from ir_studio.cli.check import load
from ir_studio.cli.exit_codes import ExitCode
from ir_studio.cli.render import render_all
from ir_studio.pipeline import PipelineRun, StepRecord

if TYPE_CHECKING:
    from xdsl.dialects.builtin import ModuleOp

DEFAULT_SAMPLE = "demo.mlir"
DEFAULT_SAMPLE_PIPELINE = "lower-to-cf"


def bundled_sample() -> SourceText:
    data = resources.files("ir_studio.sample_ir").joinpath(DEFAULT_SAMPLE).read_bytes()
    return decode(f"<bundled>/{DEFAULT_SAMPLE}", data)


def _pass_title(step: StepRecord) -> str:
    title = step.title or step.pass_name
    spelled = f"{step.pass_name}{{{step.arguments}}}" if step.arguments else step.pass_name
    return f"// -----// IR Dump After {title} ({spelled}) //----- //"


def _timing_table(run: PipelineRun, parse_seconds: float) -> str:
    rows = [("Parse and verify", parse_seconds)] + [(s.pass_name, s.seconds) for s in run.steps]
    total = sum(seconds for _, seconds in rows) or 1e-9
    lines = [
        "===" + "-" * 73 + "===",
        " " * 26 + "... Execution time report ...",
        "===" + "-" * 73 + "===",
        f"  Total Execution Time: {total:.4f} seconds",
        "",
        "  ----Wall Time----  ----Name----",
    ]
    for name, seconds in rows:
        lines.append(f"  {seconds:8.4f} ({100 * seconds / total:5.1f}%)  {name}")
    lines.append(f"  {total:8.4f} (100.0%)  Total")
    return "\n".join(lines)


EMIT_PIPELINES = {
    "mlir-affine": "toy-to-affine",
    "mlir-llvm": "toy-to-llvm",
    "llvm": "toy-to-llvm",
}
"""toyc's -emit levels: the pipeline each implies when none is given."""


def _pipeline_spec(args: argparse.Namespace, toy: bool) -> str | None:
    """`--pipeline` and `--pass-pipeline` are the same thing (a named pipeline or a
    pipeline string, resolved by one resolver); without either, what `--emit` implies."""
    given = args.pipeline if args.pipeline is not None else args.pass_pipeline
    if given is not None:
        return given
    implied = None
    if args.emit in EMIT_PIPELINES:
        # An .mlir file at llvm level needs nothing more; the rest takes the Toy path.
        implied = EMIT_PIPELINES[args.emit] if toy or args.emit != "llvm" else None
    elif args.emit == "mlir" and toy and args.opt:
        implied = "toy-opt"
    if implied is None and args.file is None:
        return DEFAULT_SAMPLE_PIPELINE
    return implied


def print_step_failure(source: SourceText, lines: object, failed: StepRecord) -> None:
    """`FILE:LINE:COL: error: ...` when the pass placed its error, else the pass name."""
    message = f"pass '{failed.pass_name}' failed: {failed.error}"
    if failed.error_at is None:
        print(f"{source.name}: error: {message}", file=sys.stderr)
        return
    file, line, column = failed.error_at
    print(f"{file}:{line}:{column}: error: {message}", file=sys.stderr)
    if file == source.name:
        text_lines = source.text.splitlines()
        if 0 < line <= len(text_lines):
            print(text_lines[line - 1].rstrip(), file=sys.stderr)
            print(" " * (column - 1) + "^", file=sys.stderr)


def run_lower(args: argparse.Namespace) -> int:
    import time

    from ir_studio.application import load_program, lower_module, lowerable
    from ir_studio.languages import language_for
    from ir_studio.pass_spec import PipelineError
    from ir_studio.pipeline import resolve_pipeline

    source = bundled_sample() if args.file is None else load(args.file)
    if source is None:
        return ExitCode.USAGE
    toy = language_for(source.name).id == "toy"
    if args.emit in ("ast",) and not toy:
        print("ir-studio: error: --emit ast needs a .toy file", file=sys.stderr)
        return ExitCode.USAGE
    try:
        pipeline = resolve_pipeline(_pipeline_spec(args, toy) or "")
    except PipelineError as error:
        print(f"ir-studio: error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    start = time.perf_counter()
    program = load_program(source)
    if program.diagnostics:
        print(render_all(source.name, program.lines, program.diagnostics), file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    if args.emit == "ast":
        from ir_studio.toy.ast_dump import dump_ast

        assert program.ast is not None  # a Toy file without diagnostics has its AST
        return _write(dump_ast(program.ast), args)
    why_not = lowerable(program)
    if why_not is not None:
        print(f"ir-studio: error: {why_not}", file=sys.stderr)
        return ExitCode.USAGE
    parse_seconds = time.perf_counter() - start
    module = program.module
    assert module is not None
    record = args.print_ir_after_all or args.print_ir_after_change or args.check_each_step

    def on_step(step: StepRecord) -> None:
        if step.snapshot is None:
            return
        if args.print_ir_after_all or (args.print_ir_after_change and step.changed):
            print(_pass_title(step), file=sys.stderr)
            print(step.ir, file=sys.stderr)

    lowering = lower_module(module, pipeline, record_ir=record, generic=args.generic,
                            on_step=on_step)
    run = lowering.run
    assert run is not None
    if args.timing:
        print(_timing_table(run, parse_seconds), file=sys.stderr)
    failed = run.failed
    if failed is not None:
        print_step_failure(source, program.lines, failed)
        return ExitCode.DIAGNOSTICS
    if args.check_each_step:
        from ir_studio.cli.step_report import report_steps

        if not report_steps(run):
            return ExitCode.DIAGNOSTICS
    output = _emit(module, args)
    if output is None:
        return ExitCode.DIAGNOSTICS
    return _write(output, args)


def _write(output: str, args: argparse.Namespace) -> int:
    if args.output:
        try:
            Path(args.output).write_text(output, encoding="utf-8")
        except OSError as error:
            print(f"ir-studio: error: cannot write {args.output}: {error.strerror}",
                  file=sys.stderr)
            return ExitCode.USAGE
    else:
        sys.stdout.write(output)
    return ExitCode.OK


def _emit(module: ModuleOp, args: argparse.Namespace) -> str | None:
    if args.emit != "llvm":
        from ir_studio.application.lowering import output_text

        return output_text(module, generic=args.generic)
    from ir_studio.llvm_emit import LLVMEmitError, emit_llvm_ir

    try:
        return emit_llvm_ir(module)
    except LLVMEmitError as error:
        print(f"ir-studio: error: {error}", file=sys.stderr)
        return None
