"""What the terminal UI shows, computed without it: a file loaded, a pipeline run step by
step, per-step diffs, op-count changes, execution checks, source locations, and for
top/tpu modules the simulated timeline. The TUI calls these from worker threads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from xdsl.dialects.builtin import ModuleOp

from ir_studio.diagnostics import Diagnostic
from ir_studio.pipeline import PipelineRun
from ir_studio.source import LineIndex

_LOC = re.compile(r'loc\("((?:[^"\\]|\\.)*)":(\d+):(\d+)\)')


@dataclass
class LoadedFile:
    path: str
    text: str
    kind: str  # mlir, toy, tpu
    module: ModuleOp | None
    diagnostics: list[Diagnostic]
    lines: LineIndex


@dataclass
class StepView:
    index: int
    name: str
    ir: str
    changed: bool
    seconds: float
    op_delta: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def load_file(path: str, text: str | None = None) -> LoadedFile:
    """Read and parse a .mlir or .toy file; problems come back as diagnostics."""
    from ir_studio.cli.inputs import decode, read_source
    from ir_studio.cli.program import load_program

    if text is None:
        source = read_source(path)
    else:
        source = decode(path, text.encode("utf-8"))
    loaded = load_program(source)
    module = loaded.module
    kind = "toy" if path.endswith(".toy") else "mlir"
    if module is not None and any(op.name.startswith(("top.", "tpu.")) for op in module.walk()):
        kind = "tpu"
    return LoadedFile(source.name, source.text, kind, module, loaded.diagnostics, loaded.lines)


def default_pipeline(kind: str) -> str:
    return {"toy": "toy-to-llvm", "tpu": "tpu-w8a16"}.get(kind, "cleanup")


def run_steps(loaded: LoadedFile, pipeline: str) -> tuple[PipelineRun, list[StepView]]:
    """Run `pipeline` (a named pipeline or a pass-pipeline string) on a copy."""
    from ir_studio.pipeline import resolve_pipeline, run_pipeline
    from ir_studio.transforms import NAMED_PIPELINES

    assert loaded.module is not None
    named = pipeline if pipeline in NAMED_PIPELINES else None
    steps = resolve_pipeline(named, None if named else pipeline)
    module = loaded.module.clone()
    run = run_pipeline(module, steps, record_ir=True, debuginfo=True)
    views = [StepView(0, "input", run.input_ir or "", False, 0.0)]
    from ir_studio.pipeline import op_counts

    previous_counts = op_counts(loaded.module)
    for i, step in enumerate(run.steps, start=1):
        counts = step.op_counts
        delta = {
            k: counts.get(k, 0) - previous_counts.get(k, 0)
            for k in set(counts) | set(previous_counts)
            if counts.get(k, 0) != previous_counts.get(k, 0)
        }
        views.append(
            StepView(
                i,
                step.pass_name,
                step.ir or "",
                bool(step.changed),
                step.seconds,
                delta,
                step.error,
            )
        )
        previous_counts = counts
    return run, views


def location_at(ir_line: str) -> tuple[str, int, int] | None:
    """The `loc("file":line:col)` on a printed IR line (printed with debug info)."""
    match = _LOC.search(ir_line)
    if match is None:
        return None
    return match.group(1), int(match.group(2)), int(match.group(3))


def filter_function(ir: str, name: str) -> str:
    """Only the lines of function `@name` (and the module's first line)."""
    if not name:
        return ir
    lines = ir.splitlines()
    out, inside, depth = [], False, 0
    for line in lines:
        stripped = line.strip()
        if not inside and re.search(rf"func\s+(?:private\s+)?@{re.escape(name)}\b", stripped):
            inside, depth = True, 0
        if inside:
            out.append(line)
            depth += line.count("{") - line.count("}")
            if depth <= 0 and "}" in line:
                inside = False
    return "\n".join(out) if out else ""


def copy_command(path: str, pipeline: str) -> str:
    from ir_studio.transforms import NAMED_PIPELINES

    if pipeline in NAMED_PIPELINES:
        return f"ir-studio lower {path} --pipeline {pipeline}"
    return f"ir-studio lower {path} --pass-pipeline '{pipeline}'"


def file_exists(path: str) -> bool:
    return Path(path).is_file()
