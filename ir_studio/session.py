"""What the terminal UI shows, computed without it: a file loaded through its language,
a pipeline run step by step (through the application layer, as the CLI and the server
run it), per-step op-count changes, execution verdicts, a function's own text and the
source location of the op on a printed line. The TUI calls these from worker threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from xdsl.dialects.builtin import ModuleOp

from ir_studio.diagnostics import Diagnostic
from ir_studio.languages import Language, Program, get, language_for
from ir_studio.pipeline import ModuleSnapshot, Pipeline, PipelineRun, StepRecord
from ir_studio.source import LineIndex

if TYPE_CHECKING:
    from pygments.lexer import Lexer


@dataclass
class LoadedFile:
    path: str
    text: str
    kind: str
    """The language's id: mlir, toy, llvm, tpu (an MLIR file of top/tpu ops)."""
    module: ModuleOp | None
    diagnostics: list[Diagnostic]
    lines: LineIndex
    language: Language | None = None

    @property
    def lexer(self) -> Lexer:
        return (self.language or language_for(self.path)).make_lexer()


@dataclass
class StepView:
    index: int
    name: str
    snapshot: ModuleSnapshot | None
    changed: bool
    seconds: float
    op_delta: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    @property
    def ir(self) -> str:
        """The printed module after this step (printed on first use, then kept)."""
        return self.snapshot.text if self.snapshot is not None else ""


def load_file(path: str, text: str | None = None) -> LoadedFile:
    """Read and parse a file of any language; problems come back as diagnostics."""
    from ir_studio.application import Unreadable, open_program
    from ir_studio.source import Span

    program = open_program(path, text)
    if isinstance(program, Unreadable):
        problem = Diagnostic(Span(0, 0), program.message, category="io")
        return LoadedFile(path, "", language_for(path).id, None, [problem], LineIndex(""),
                          language_for(path))
    return _loaded(program)


def _loaded(program: Program) -> LoadedFile:
    language = program.language.specialise(program.module)
    return LoadedFile(program.name, program.text, language.id, program.module,
                      program.diagnostics, program.lines, language)


def default_pipeline(kind: str) -> str:
    """The pipeline the TUI runs on a file of this language when none is given (empty
    for LLVM IR: there is nothing to lower)."""
    try:
        return get(kind).default_pipeline or ""
    except KeyError:
        return get("mlir").default_pipeline or ""


def check_pipeline(spec: str) -> str | None:
    """Why `spec` is not a pipeline (None: it is one)."""
    from ir_studio.application.lowering import pipeline_or_error

    resolved = pipeline_or_error(spec)
    return None if isinstance(resolved, Pipeline) else str(resolved)


def run_steps(loaded: LoadedFile, pipeline: str | Pipeline) -> tuple[PipelineRun, list[StepView]]:
    """Run `pipeline` (any pipeline name or string) on a copy; a bad pipeline raises
    `PipelineError`."""
    from ir_studio.application import lower_module
    from ir_studio.pass_spec import PipelineError
    from ir_studio.pipeline import op_counts

    assert loaded.module is not None
    lowering = lower_module(loaded.module.clone(), pipeline, debuginfo=True)
    if lowering.run is None:
        raise PipelineError(lowering.error or "cannot run this pipeline")
    run = lowering.run
    views = [StepView(0, "input", run.input, False, 0.0)]
    previous_counts = op_counts(loaded.module)
    for i, step in enumerate(run.steps, start=1):
        views.append(_view(i, step, previous_counts))
        previous_counts = step.op_counts
    return run, views


def _view(index: int, step: StepRecord, previous: dict[str, int]) -> StepView:
    counts = step.op_counts
    delta = {
        k: counts.get(k, 0) - previous.get(k, 0)
        for k in set(counts) | set(previous)
        if counts.get(k, 0) != previous.get(k, 0)
    }
    return StepView(index, step.pass_name, step.snapshot, bool(step.changed), step.seconds,
                    delta, step.error)


def warm_texts(views: list[StepView], function: str = "") -> None:
    """Print every step's IR now (each once; safe from a worker thread while the UI
    reads): a caller that shows steps on a UI loop does this off the loop."""
    for view in views:
        if view.snapshot is not None:
            view.snapshot.printed(function)


def function_text(view: StepView, name: str) -> str:
    """The step's IR, or only function `@name` of it (empty when there is none): the op
    printed on its own, not lines cut out of the module's text."""
    if view.snapshot is None:
        return ""
    printed = view.snapshot.printed(name)
    return printed.text if printed is not None else ""


def source_at(view: StepView, function: str, line: int) -> tuple[str, int, int] | None:
    """The `file:line:col` location of the op on printed `line` (0-based) of the step's
    IR as `function_text` shows it."""
    from ir_studio.printing import file_location

    if view.snapshot is None:
        return None
    printed = view.snapshot.printed(function)
    op = printed.op_at(line) if printed is not None else None
    while op is not None:
        found = file_location(op)
        if found is not None:
            return found
        op = op.parent_op()
    return None


def execution_report(views: list[StepView]) -> dict[int, str]:
    """Per step: `[engine] verdict` and what the program printed there."""
    from ir_studio.application import step_checks

    if not views or views[0].snapshot is None:
        return {}
    run = PipelineRun(views[0].snapshot)
    for view in views[1:]:
        run.steps.append(StepRecord(view.name, "", view.snapshot, view.changed, view.seconds,
                                    {}, view.error))
    report = {}
    for check in step_checks(run):
        report[check.index] = (f"[{check.execution.engine}] {check.verdict}\n"
                               f"{check.execution.output or ''}")
    return report


def copy_command(path: str, pipeline: str | Pipeline) -> str:
    """The `ir-studio lower` command line for what the TUI shows."""
    from ir_studio.application.lowering import pipeline_or_error

    resolved = pipeline_or_error(pipeline)
    if isinstance(resolved, Pipeline):
        return resolved.command(path)
    import shlex

    return f"ir-studio lower {shlex.quote(path)} --pipeline {shlex.quote(str(pipeline))}"


def file_exists(path: str) -> bool:
    return Path(path).is_file()
