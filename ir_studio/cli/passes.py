"""`ir-studio passes`: every pass and named pipeline, one line each."""

from __future__ import annotations

from collections.abc import Callable

from ir_studio.cli.exit_codes import ExitCode


def _summary(factory: Callable[[], object]) -> str:
    try:
        doc = (factory() .__doc__ or "").strip()
    except Exception:
        return "(could not be loaded)"
    first = doc.split("\n\n")[0].replace("\n", " ").strip()
    return " ".join(first.split()) or "(no description)"


def run_passes() -> int:
    from ir_studio.pass_spec import available_passes
    from ir_studio.transforms import NAMED_PIPELINES

    print("Named pipelines:")
    for name, (description, pipeline) in sorted(NAMED_PIPELINES.items()):
        print(f"  {name:<34} {description} [{pipeline}]")
    print("\nPasses:")
    for name, factory in sorted(available_passes().items()):
        print(f"  {name:<34} {_summary(factory)[:110]}")
    return ExitCode.OK
