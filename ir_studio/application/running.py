"""Running a program (`ir-studio run`) and checking a run's steps by executing them
(`lower --check-each-step`, the TUI's Execution tab): one implementation for both."""

from __future__ import annotations

from dataclasses import dataclass

from ir_studio.application.lowering import Lowering, lower_module, pipeline_to_llvm
from ir_studio.execution.step_check import StepCheck, check_steps, has_entry
from ir_studio.languages import Program
from ir_studio.pipeline import PipelineRun


@dataclass(frozen=True)
class RunResult:
    stdout: str | None
    error: str | None = None
    lowering: Lowering | None = None
    """The lowering to LLVM it took, when it took one (its failure is the error)."""


def run_program(program: Program, entry: str = "main") -> RunResult:
    """JIT-compile and run `entry`: LLVM IR as it is, anything else lowered to the llvm
    dialect first (in place: the program is consumed)."""
    from ir_studio.execution.jit import JITError, run_llvm_ir
    from ir_studio.llvm_emit import LLVMEmitError, emit_llvm_ir

    lowering = None
    try:
        if not program.language.lowers:
            return RunResult(run_llvm_ir(program.text, entry=entry).stdout)
        module = program.module
        assert module is not None, "run_program needs a program without errors"
        needed = pipeline_to_llvm(module)
        if needed is not None:
            lowering = lower_module(module, needed, record_ir=False)
            if lowering.message is not None:
                return RunResult(None, lowering.message, lowering)
        return RunResult(run_llvm_ir(emit_llvm_ir(module), entry=entry).stdout, None, lowering)
    except (LLVMEmitError, JITError) as error:
        return RunResult(None, str(error), lowering)


def step_checks(run: PipelineRun) -> list[StepCheck]:
    """Execute the input and every recorded step; a program without `main` is not run."""
    if run.input is None:
        return []
    if not has_entry(run.input.module):
        from ir_studio.execution.step_check import Execution

        missing = Execution("none", None, "the program has no main function")
        return [StepCheck(0, "input", missing, None)] + [
            StepCheck(i, s.pass_name, missing, None) for i, s in enumerate(run.steps, start=1)
        ]
    return check_steps(run.input.module, run.steps)
