"""Run a program at every step of a pipeline and say which step changed its output.

Each level has its engine: toy-dialect IR runs on the reference evaluator, IR in the
llvm dialect is translated and JIT-compiled, anything in between (affine, scf, cf,
arith, memref, func with toy.print) runs on xDSL's interpreter. A step whose output
differs from the step before is a miscompile (or a pass that changes meaning).
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.dialects.builtin import ModuleOp

from ir_studio.pipeline import StepRecord


@dataclass(frozen=True)
class Execution:
    engine: str
    output: str | None
    error: str | None = None


@dataclass(frozen=True)
class StepCheck:
    """One step: what the program printed there and whether it matches the step before."""

    index: int
    pass_name: str
    execution: Execution
    matches_previous: bool | None
    """None when this step or the one before could not be run."""

    @property
    def verdict(self) -> str:
        """The one-word finding the CLI and the TUI both show."""
        if self.execution.output is None:
            return f"not run: {self.execution.error}"
        if self.matches_previous is False:
            return "OUTPUT CHANGED"
        if self.matches_previous is None and self.index > 0:
            return "ran (nothing to compare with)"
        return "same output" if self.index > 0 else "reference"


def _engine(module: ModuleOp) -> str:
    from ir_studio.toy.evaluator import is_toy_level

    if is_toy_level(module):
        return "toy-evaluator"
    names = {op.name for op in module.body.block.ops}
    if names and names <= {"llvm.func", "llvm.mlir.global"}:
        return "jit"
    return "interpreter"


def execute_module(module: ModuleOp) -> Execution:
    """Run `main` with the engine for the module's level; failures come back as values."""
    engine = _engine(module)
    try:
        if engine == "toy-evaluator":
            from ir_studio.toy.evaluator import evaluate_toy

            return Execution(engine, evaluate_toy(module))
        if engine == "jit":
            from ir_studio.execution.jit import run_llvm_ir
            from ir_studio.llvm_emit import emit_llvm_ir

            return Execution(engine, run_llvm_ir(emit_llvm_ir(module)).stdout)
        from ir_studio.execution.interpreter import interpret

        return Execution(engine, interpret(module))
    except RecursionError:
        return Execution(engine, None, "recursion too deep to run")
    except Exception as error:  # a program that cannot run is a finding, not a crash
        return Execution(engine, None, f"{type(error).__name__}: {error}".strip())


def execute_text(ir: str) -> Execution:
    """Run printed IR (for IR that only exists as text, e.g. a user's file)."""
    from xdsl.parser import Parser

    from ir_studio.context import shared_context

    try:
        module = Parser(shared_context(), ir).parse_module()
    except Exception as error:
        return Execution("parser", None, f"cannot parse this IR: {error}")
    return execute_module(module)


def has_entry(module: ModuleOp, entry: str = "main") -> bool:
    return any(
        getattr(op.properties.get("sym_name"), "data", None) == entry
        for op in module.body.block.ops
    )


def check_steps(input_module: ModuleOp, steps: list[StepRecord]) -> list[StepCheck]:
    """Execute the input and the module after every recorded step (the records hold the
    modules: nothing is printed or parsed again). Stops at the first failed step."""
    checks = [StepCheck(0, "input", execute_module(input_module), None)]
    for i, step in enumerate(steps, start=1):
        if step.module is None or step.error is not None:
            break
        execution = execute_module(step.module)
        before = checks[-1].execution.output
        same = None if before is None or execution.output is None else before == execution.output
        checks.append(StepCheck(i, step.pass_name, execution, same))
    return checks
