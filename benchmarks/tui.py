"""Benchmark of the terminal UI on the 20,000-op standard input (not a test).

    PYTHONSAFEPATH=1 python benchmarks/tui.py [--out benchmarks/out/tui.json]

Headless (`App.run_test`): time until the file is on screen, until the pipeline's steps
are ready (worker), and to switch steps with `n` (targets: 2 s and 200 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from inputs_gen import write_inputs  # noqa: E402


async def measure(path: Path, pipeline: str) -> dict[str, float]:
    from ir_studio.tui.app import make_app
    from ir_studio.tui.widgets.code_view import CodeView

    start = time.perf_counter()
    app = make_app(str(path), pipeline)
    out: dict[str, float] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        if app.query_one("#source", CodeView).lines:
            out["file_shown_s"] = time.perf_counter() - start
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        out["steps_ready_s"] = time.perf_counter() - start
        switches = []
        for _ in range(min(6, len(app.steps) - 1)):
            t = time.perf_counter()
            await pilot.press("n")
            await pilot.pause()
            switches.append(time.perf_counter() - t)
        out["step_switch_s_median"] = statistics.median(switches) if switches else 0.0
        out["step_switch_s_max"] = max(switches) if switches else 0.0
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "out" / "tui.json")
    args = parser.parse_args()
    inputs = write_inputs(HERE / "inputs")
    results = {
        "chain-20k (cse,canonicalize)": asyncio.run(measure(inputs["chain"], "cse,canonicalize")),
        "targets": {"file_shown_s": 2.0, "step_switch_s": 0.2},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
