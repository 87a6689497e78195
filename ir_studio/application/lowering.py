"""Lowering a module through a pipeline, the same way for every front end: `ir-studio
lower`, the TUI's pass list and the server's `irStudio/lower` are thin callers of
`lower_module`. Errors are values (a bad pipeline, a missing function, a failing pass).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xdsl.dialects.builtin import ModuleOp

from ir_studio.languages import Program
from ir_studio.pass_spec import PipelineError
from ir_studio.pipeline import Pipeline, PipelineRun, StepRecord, resolve_pipeline, run_pipeline


@dataclass
class Lowering:
    """The result of one lowering: the run (None when it could not start) or why not."""

    pipeline: Pipeline | None
    run: PipelineRun | None
    error: str | None = None

    @property
    def failed(self) -> StepRecord | None:
        return self.run.failed if self.run is not None else None

    @property
    def message(self) -> str | None:
        """What went wrong, in one line: the setup error or the failing pass."""
        if self.error is not None:
            return self.error
        failed = self.failed
        return None if failed is None else f"{failed.pass_name}: {failed.error}"

    def output(self, *, generic: bool = False) -> str | None:
        if self.run is None or self.run.module is None:
            return None
        return output_text(self.run.module, generic=generic)


def output_text(module: ModuleOp, *, generic: bool = False) -> str:
    """A lowered module as every front end writes it out. A TPU graph keeps its op
    locations: they name its weights (the keys of `module.weight_file`), without which
    `tpu compare` could not evaluate the result."""
    from ir_studio.printing import print_ir
    from ir_studio.tpu.analysis import is_tpu_graph

    return print_ir(module, generic=generic, debuginfo=is_tpu_graph(module))


def pipeline_or_error(pipeline: Pipeline | str) -> Pipeline | PipelineError:
    if isinstance(pipeline, Pipeline):
        return pipeline
    try:
        return resolve_pipeline(pipeline)
    except PipelineError as error:
        return error


def only_function(module: ModuleOp, name: str) -> ModuleOp | None:
    """A module holding a copy of the top-level symbol `@name` (None: no such symbol)."""
    picked = [
        op.clone()
        for op in module.body.block.ops
        if getattr(op.properties.get("sym_name"), "data", None) == name
    ]
    return ModuleOp(picked) if picked else None


def lower_module(
    module: ModuleOp,
    pipeline: Pipeline | str,
    *,
    function: str | None = None,
    record_ir: bool = True,
    generic: bool = False,
    debuginfo: bool = False,
    on_step: Callable[[StepRecord], None] | None = None,
) -> Lowering:
    """Run `pipeline` (resolved here unless it already is) on `module` in place, or on
    a copy of one function of it."""
    resolved = pipeline_or_error(pipeline)
    if isinstance(resolved, PipelineError):
        return Lowering(None, None, str(resolved))
    if function:
        selected = only_function(module, function)
        if selected is None:
            return Lowering(resolved, None, f"no function @{function}")
        module = selected
    run = run_pipeline(module, resolved, record_ir=record_ir, generic=generic,
                       debuginfo=debuginfo, on_step=on_step)
    return Lowering(resolved, run)


def lowerable(program: Program, command: str = "lower") -> str | None:
    """Why `program` cannot be lowered (None: it can); `command` names the front end's
    action in the message."""
    if not program.language.lowers:
        return f"{program.name} is {program.language.title}: there is no MLIR to lower"
    if program.chunks > 1:
        return f"{command} takes one module; this file has `// -----` splits"
    if program.module is None:
        return "the file has errors"
    return None


def pipeline_to_llvm(module: ModuleOp) -> str | None:
    """What a module still needs before it can be JIT-compiled: nothing at llvm level,
    the Toy path from toy level, `lower-to-llvm` from anywhere in between."""
    names = {op.name for op in module.walk()}
    names.discard("builtin.module")
    if names and all(n.startswith("llvm.") for n in names):
        return None
    if any(n.startswith("toy.") and n != "toy.print" for n in names):
        return "toy-to-llvm"
    return "lower-to-llvm"
