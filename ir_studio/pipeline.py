"""Pipelines as typed values, and runs of them with one record per step: the data behind
`ir-studio lower` dumps and timing, the TUI's pass list and the LSP's `irStudio/lower`.

`resolve_pipeline` is the one place that decides what a pipeline text means: a named
pipeline, or a pass-pipeline string (one pass is a pipeline too). It parses and checks it
once; runs reuse the configured passes. Step records hold the IR as IR (a copy of the
module after the step), printed only when someone reads the text, and then once.
"""

from __future__ import annotations

import difflib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from ir_studio.context import shared_context
from ir_studio.locations import locations_inherited
from ir_studio.pass_failure import PassFailure
from ir_studio.pass_spec import (
    PassStep,
    PipelineError,
    available_passes,
    instantiate,
    parse_pipeline,
)
from ir_studio.printing import PrintedIR, print_with_lines
from ir_studio.transforms import NAMED_PIPELINES
from ir_studio.verify import op_display_name


@dataclass(frozen=True)
class Pipeline:
    """A resolved pipeline: its steps and their configured passes."""

    spec: str
    """What the user wrote (a pipeline name or a pipeline string)."""
    name: str | None
    """The named pipeline it is, if any."""
    steps: tuple[PassStep, ...]
    passes: tuple[ModulePass, ...]

    @property
    def text(self) -> str:
        """The pass-pipeline string it runs."""
        return NAMED_PIPELINES[self.name][1] if self.name is not None else self.spec

    def command(self, path: str) -> str:
        """The `ir-studio lower` command line that runs this pipeline on `path`."""
        import shlex

        return f"ir-studio lower {shlex.quote(path)} --pipeline {shlex.quote(self.spec)}"


def resolve_pipeline(spec: str) -> Pipeline:
    """A named pipeline or a pipeline string, checked down to configured passes.
    Raises `PipelineError` with a message for users."""
    spec = spec.strip()
    name = spec if spec in NAMED_PIPELINES else None
    steps = parse_pipeline(NAMED_PIPELINES[spec][1] if name is not None else spec)
    registry = available_passes()
    bare = len(steps) == 1 and not steps[0].options and steps[0].anchor is None
    also = tuple(NAMED_PIPELINES) if bare else ()
    passes = tuple(instantiate(step, registry, also) for step in steps)
    return Pipeline(spec, name, tuple(steps), passes)


def suggest_pipelines(spec: str) -> list[str]:
    """Named pipelines and passes close to a misspelt name."""
    return difflib.get_close_matches(spec, [*NAMED_PIPELINES, *available_passes()], n=3)


def op_counts(module: Operation) -> dict[str, int]:
    counts: dict[str, int] = {}
    for op in module.walk():
        name = op_display_name(op)
        counts[name] = counts.get(name, 0) + 1
    return counts


class ModuleSnapshot:
    """The module at one point of a run (a private copy), printed on first request and
    then kept; a function's own text likewise."""

    def __init__(self, module: ModuleOp, *, generic: bool = False,
                 debuginfo: bool = False) -> None:
        self.module = module
        self.generic = generic
        self.debuginfo = debuginfo
        self._printed: dict[str, PrintedIR | None] = {}
        self._lock = threading.Lock()

    def printed(self, function: str = "") -> PrintedIR | None:
        """The module's text with the op on each line; with `function`, only the
        top-level symbol of that name (None when there is none)."""
        with self._lock:
            if function not in self._printed:
                ops: list[Operation] = [self.module]
                if function:
                    ops = [op for op in self.module.body.block.ops
                           if getattr(op.properties.get("sym_name"), "data", None) == function]
                self._printed[function] = print_with_lines(
                    ops, generic=self.generic, debuginfo=self.debuginfo) if ops else None
            return self._printed[function]

    @property
    def text(self) -> str:
        printed = self.printed()
        assert printed is not None
        return printed.text

    def same_as(self, other: ModuleSnapshot) -> bool:
        return same_ir(self.module, other.module, locations=self.debuginfo)


def same_ir(a: Operation, b: Operation, *, locations: bool = False) -> bool:
    """Whether two modules print the same: same structure, attributes, properties and
    types (xDSL's structural equivalence leaves out result and block argument types),
    and with `locations` the same locations."""
    if not a.is_structurally_equivalent(b):
        return False
    for x, y in zip(a.walk(), b.walk(), strict=False):
        if [r.type for r in x.results] != [r.type for r in y.results]:
            return False
        if locations and x.location != y.location:
            return False
        for rx, ry in zip(x.regions, y.regions, strict=False):
            for bx, by in zip(rx.blocks, ry.blocks, strict=False):
                if [arg.type for arg in bx.args] != [arg.type for arg in by.args]:
                    return False
    return True


@dataclass(frozen=True, slots=True)
class StepRecord:
    """One pass of a run: what ran, what it produced, whether it changed anything."""

    pass_name: str
    arguments: str
    snapshot: ModuleSnapshot | None
    """The module after this step (None when the run did not record IR)."""
    changed: bool | None
    seconds: float
    op_counts: dict[str, int]
    error: str | None = None
    title: str = ""
    """The pass class's name, as mlir-opt's dump headers show it."""
    error_at: tuple[str, int, int] | None = None
    """Where the failing pass placed its error (file, line, column), when it did."""

    @property
    def ir(self) -> str | None:
        """The printed module after this step (printed on first use)."""
        return self.snapshot.text if self.snapshot is not None else None

    @property
    def module(self) -> ModuleOp | None:
        return self.snapshot.module if self.snapshot is not None else None


@dataclass(slots=True)
class PipelineRun:
    input: ModuleSnapshot | None
    steps: list[StepRecord] = field(default_factory=list)
    module: ModuleOp | None = None
    """The module the passes ran on, in its final state."""

    @property
    def input_ir(self) -> str | None:
        return self.input.text if self.input is not None else None

    @property
    def failed(self) -> StepRecord | None:
        return next((s for s in self.steps if s.error is not None), None)


def _anchored(module: ModuleOp, anchor: str) -> Iterator[Operation]:
    return iter([op for op in module.walk() if op.name == anchor])


def _apply(pass_: ModulePass, step: PassStep, ctx: Context, module: ModuleOp) -> None:
    if step.anchor is None:
        pass_.apply(ctx, module)
        return
    for op in _anchored(module, step.anchor):
        # xDSL passes take modules: lend the anchored op a temporary one.
        block, after = op.parent, op.next_op
        if block is None:
            continue
        op.detach()
        holder = ModuleOp([op])
        try:
            pass_.apply(ctx, holder)
        finally:
            op.detach()
            if after is not None and after.parent is block:
                block.insert_op_before(op, after)
            else:
                block.add_op(op)


def run_pipeline(
    module: ModuleOp,
    pipeline: Pipeline,
    *,
    record_ir: bool = True,
    generic: bool = False,
    debuginfo: bool = False,
    ctx: Context | None = None,
    on_step: Callable[[StepRecord], None] | None = None,
) -> PipelineRun:
    """Apply `pipeline` to `module` in place. A failing pass ends the run with its error.
    With `record_ir` each step keeps a copy of the module (printed lazily)."""
    ctx = ctx or shared_context()

    def snapshot() -> ModuleSnapshot | None:
        if not record_ir:
            return None
        return ModuleSnapshot(module.clone(), generic=generic, debuginfo=debuginfo)

    previous = snapshot()
    run = PipelineRun(previous, module=module)
    for step, pass_ in zip(pipeline.steps, pipeline.passes, strict=True):
        error = None
        error_at = None
        start = time.perf_counter()
        try:
            with locations_inherited():
                _apply(pass_, step, ctx, module)
        except PassFailure as failure:
            error, error_at = failure.message, failure.location
        except Exception as failure:  # a pass failing is a result, not a crash
            error = f"{type(failure).__name__}: {failure}".strip()
        seconds = time.perf_counter() - start
        after = snapshot()
        changed = None if after is None or previous is None else not after.same_as(previous)
        record = StepRecord(step.name, step.options, after, changed, seconds,
                            op_counts(module), error, type(pass_).__name__, error_at)
        run.steps.append(record)
        if on_step is not None:
            on_step(record)
        previous = after
        if error is not None:
            break
    return run


__all__ = ["ModuleSnapshot", "Pipeline", "PipelineError", "PipelineRun", "StepRecord",
           "op_counts", "resolve_pipeline", "run_pipeline", "same_ir"]
