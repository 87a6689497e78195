"""`ir-studio lower`: parse, verify, run a pipeline, print the result (mlir-opt style)."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from ir_studio.cli.check import check_text, load
from ir_studio.cli.exit_codes import ExitCode
from ir_studio.cli.inputs import SourceText, decode
from ir_studio.cli.render import render_all
from ir_studio.pass_spec import PipelineError
from ir_studio.pipeline import PipelineRun, StepRecord

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


def run_lower(args: argparse.Namespace) -> int:
    import time

    pipeline_name = args.pipeline
    if args.file is None:
        source: SourceText | None = bundled_sample()
        if pipeline_name is None and args.pass_pipeline is None:
            pipeline_name = DEFAULT_SAMPLE_PIPELINE
    else:
        source = load(args.file)
    if source is None:
        return ExitCode.USAGE
    from ir_studio.pipeline import resolve_pipeline, run_pipeline

    try:
        steps = resolve_pipeline(pipeline_name, args.pass_pipeline)
    except PipelineError as error:
        print(f"ir-studio: error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    start = time.perf_counter()
    if source.problem is not None:
        diagnostics, lines = check_text(source)
        print(render_all(source.name, lines, diagnostics), file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    from ir_studio.document import build_document

    document = build_document(source.name, 0, source.text)
    if document.diagnostics:
        print(render_all(source.name, document.lines, document.diagnostics), file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    if len(document.chunks) > 1:
        print("ir-studio: error: lower takes one module; this file has `// -----` splits",
              file=sys.stderr)
        return ExitCode.USAGE
    parse_seconds = time.perf_counter() - start
    module = document.chunks[0].module
    assert module is not None
    dumping = args.print_ir_after_all or args.print_ir_after_change

    def on_step(step: StepRecord) -> None:
        if step.ir is None:
            return
        if args.print_ir_after_all or (args.print_ir_after_change and step.changed):
            print(_pass_title(step), file=sys.stderr)
            print(step.ir, file=sys.stderr)

    run = run_pipeline(module, steps, record_ir=dumping, generic=args.generic, on_step=on_step)
    if args.timing:
        print(_timing_table(run, parse_seconds), file=sys.stderr)
    failed = run.failed
    if failed is not None:
        print(f"{source.name}: error: pass '{failed.pass_name}' failed: {failed.error}",
              file=sys.stderr)
        return ExitCode.DIAGNOSTICS
    output = _emit(module, args)
    if output is None:
        return ExitCode.DIAGNOSTICS
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


def _emit(module: object, args: argparse.Namespace) -> str | None:
    from ir_studio.printing import print_ir

    if args.emit == "mlir":
        return print_ir(module, generic=args.generic)  # type: ignore[arg-type]
    from ir_studio.llvm_emit import LLVMEmitError, emit_llvm_ir

    try:
        return emit_llvm_ir(module)  # type: ignore[arg-type]
    except LLVMEmitError as error:
        print(f"ir-studio: error: {error}", file=sys.stderr)
        return None
