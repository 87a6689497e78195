"""Run a pass pipeline and record every step: the data behind `ir-studio lower`
dumps and timing, the TUI's pass list and the LSP's `irStudio/lower`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
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
from ir_studio.printing import print_ir
from ir_studio.transforms import NAMED_PIPELINES
from ir_studio.verify import op_display_name


@dataclass(frozen=True, slots=True)
class StepRecord:
    """One pass of a run: what ran, what it produced, whether it changed anything."""

    pass_name: str
    arguments: str
    ir: str | None
    changed: bool | None
    seconds: float
    op_counts: dict[str, int]
    error: str | None = None
    title: str = ""
    """The pass class's name, as mlir-opt's dump headers show it."""
    error_at: tuple[str, int, int] | None = None
    """Where the failing pass placed its error (file, line, column), when it did."""


@dataclass(slots=True)
class PipelineRun:
    input_ir: str | None
    steps: list[StepRecord] = field(default_factory=list)
    module: ModuleOp | None = None

    @property
    def failed(self) -> StepRecord | None:
        return next((s for s in self.steps if s.error is not None), None)


def resolve_pipeline(name: str | None, text: str | None) -> list[PassStep]:
    """A named pipeline or a pipeline string, validated down to pass names and options."""
    if name is not None:
        entry = NAMED_PIPELINES.get(name)
        if entry is None:
            import difflib

            close = difflib.get_close_matches(name, NAMED_PIPELINES, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise PipelineError(f"unknown pipeline '{name}'{hint}")
        text = entry[1]
    steps = parse_pipeline(text or "")
    registry = available_passes()
    for step in steps:
        instantiate(step, registry)
    return steps


def op_counts(module: Operation) -> dict[str, int]:
    counts: dict[str, int] = {}
    for op in module.walk():
        name = op_display_name(op)
        counts[name] = counts.get(name, 0) + 1
    return counts


def _apply(pass_: ModulePass, step: PassStep, ctx: Context, module: ModuleOp) -> None:
    if step.anchor is None:
        pass_.apply(ctx, module)
        return
    anchored = [op for op in module.walk() if op.name == step.anchor]
    for op in anchored:
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
    steps: list[PassStep],
    *,
    record_ir: bool = True,
    generic: bool = False,
    debuginfo: bool = False,
    ctx: Context | None = None,
    on_step: Callable[[StepRecord], None] | None = None,
) -> PipelineRun:
    """Apply `steps` to `module` in place. A failing pass ends the run with its error."""
    ctx = ctx or shared_context()
    registry = available_passes()
    previous = print_ir(module, generic=generic, debuginfo=debuginfo) if record_ir else None
    run = PipelineRun(previous, module=module)
    for step in steps:
        pass_ = instantiate(step, registry)
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
        ir = print_ir(module, generic=generic, debuginfo=debuginfo) if record_ir else None
        changed = None if ir is None or previous is None else ir != previous
        record = StepRecord(step.name, step.options, ir, changed, seconds,
                            op_counts(module), error, type(pass_).__name__, error_at)
        run.steps.append(record)
        if on_step is not None:
            on_step(record)
        previous = ir
        if error is not None:
            break
    return run
