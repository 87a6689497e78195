"""`--check-each-step`: run the program after every pass and report where output changes."""

from __future__ import annotations

import sys

from ir_studio.pipeline import PipelineRun


def report_steps(run: PipelineRun) -> bool:
    """Print one line per step on stderr; False when some step changed the output."""
    from ir_studio.application import step_checks

    checks = step_checks(run)
    ok = True
    for check in checks:
        print(
            f"step {check.index:2d} {check.pass_name:<24} [{check.execution.engine}] "
            f"{check.verdict}",
            file=sys.stderr,
        )
        if check.matches_previous is False:
            ok = False
            previous = next(c for c in checks if c.index == check.index - 1).execution.output
            print(f"  before: {previous!r}\n  after:  {check.execution.output!r}",
                  file=sys.stderr)
    return ok
