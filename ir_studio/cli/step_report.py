"""`--check-each-step`: run the program after every pass and report where output changes."""

from __future__ import annotations

import sys

from ir_studio.pipeline import PipelineRun


def report_steps(run: PipelineRun) -> bool:
    """Print one line per step on stderr; False when some step changed the output."""
    from ir_studio.execution.step_check import check_steps

    assert run.input_ir is not None
    checks = check_steps(run.input_ir, run.steps)
    ok = True
    for check in checks:
        execution = check.execution
        if execution.output is None:
            verdict = f"not run: {execution.error}"
        elif check.matches_previous is False:
            verdict = "OUTPUT CHANGED"
            ok = False
        elif check.matches_previous is None and check.index > 0:
            verdict = "ran (nothing to compare with)"
        else:
            verdict = "same output" if check.index > 0 else "reference"
        print(
            f"step {check.index:2d} {check.pass_name:<24} [{execution.engine}] {verdict}",
            file=sys.stderr,
        )
        if check.matches_previous is False:
            previous = next(c for c in checks if c.index == check.index - 1).execution.output
            print(f"  before: {previous!r}\n  after:  {execution.output!r}", file=sys.stderr)
    return ok
