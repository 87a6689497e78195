"""Benchmark of the terminal UI (not a test).

    PYTHONSAFEPATH=1 python benchmarks/tui.py [--out benchmarks/out/tui.json] [--quick]

Headless (`App.run_test`, 160x48):
* the 20,000-op standard input with `cse,canonicalize`: time until the file is on screen,
  until the pipeline's steps are ready (worker), and to switch steps with `n` (targets:
  2 s and 200 ms);
* the TPU timeline on the ChatGLM2-6B block graphs (`sample_ir/tpu/`) and on the whole
  model the estimator builds (28 blocks, embedding and lm_head; decode and prefill, each
  with the other phase next to it, so six runs are simulated): time from the end of the
  simulation worker to the first paint of the timeline (target 1 s), and per zoom or pan
  key the time until the screen is updated and the time the timeline's own rows take to
  draw (target 100 ms): from the key to the timeline's rows of the new window being
  drawn by the compositor.
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


async def measure_timeline(path: Path) -> dict[str, float]:
    """Open `path` on the Timeline tab, wait for the simulation, then zoom and pan."""
    from ir_studio.tui.app import IRStudioApp
    from ir_studio.tui.messages import TimelinesReady
    from ir_studio.tui.widgets.timeline import TimelineView

    finished: list[float] = []

    class Probe(IRStudioApp):
        def on_timelines_ready(self, message: TimelinesReady) -> None:
            finished.append(message.finished)
            super().on_timelines_ready(message)

    start = time.perf_counter()
    app = Probe(str(path))
    out: dict[str, float] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("t")
        view = app.query_one("#timeline", TimelineView)
        deadline = time.perf_counter() + 600
        while not (view.painted and view.index is not None):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"no timeline after 600 s: {app.tpu and app.tpu.errors}")
            await pilot.pause(0.01)
        painted = time.perf_counter()
        out["simulated_s"] = finished[0] - start
        out["first_paint_after_simulation_s"] = painted - finished[0]
        runs = app.tpu.runs if app.tpu is not None else {}
        out["instructions_shown"] = len(view.index.timeline.instrs)
        out["instructions_all_runs"] = sum(len(r.timeline.instrs) for r in runs.values())
        keys, draws = [], []
        for key in ["plus"] * 6 + ["right"] * 4 + ["left"] * 2 + ["minus"] * 6:
            view.painted = False
            t = time.perf_counter()
            pressing = asyncio.create_task(pilot.press(key))
            waited = time.perf_counter() + 10
            while not view.painted:  # until the timeline's rows of the new window are drawn
                if time.perf_counter() > waited:
                    raise RuntimeError(f"{key}: the timeline was not redrawn within 10 s")
                await asyncio.sleep(0.001)
            keys.append(time.perf_counter() - t)
            await pressing
            await pilot.pause()
            view._strips.clear()  # the rows' own cost, without the cache
            t = time.perf_counter()
            view.strips()
            draws.append(time.perf_counter() - t)
        out["zoom_pan_key_s_median"] = statistics.median(keys)
        out["zoom_pan_key_s_max"] = max(keys)
        out["rows_draw_s_median"] = statistics.median(draws)
        out["rows_draw_s_max"] = max(draws)
    return out


def whole_model_graphs(folder: Path) -> dict[str, Path]:
    """The estimator's whole ChatGLM2-6B graphs (top dialect), written once."""
    from ir_studio.tpu.model import CHATGLM2_6B, build_model

    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for phase in ("decode", "prefill"):
        target = folder / f"chatglm2_6b_model_{phase}.mlir"
        if not target.is_file():
            built = build_model(CHATGLM2_6B, decode=phase == "decode", with_text=True)
            target.write_text(built.text, encoding="utf-8")
        out[phase] = target
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "out" / "tui.json")
    parser.add_argument(
        "--only",
        choices=["chain", "blocks", "model"],
        action="append",
        help="run only these parts (default: all)",
    )
    args = parser.parse_args()
    parts = set(args.only or ["chain", "blocks", "model"])
    from importlib import resources

    samples = Path(str(resources.files("ir_studio.sample_ir"))) / "tpu"
    results: dict[str, object] = {}

    def report(name: str, figures: dict[str, float]) -> None:
        results[name] = figures
        print(name, json.dumps(figures, indent=2), flush=True)

    if "chain" in parts:
        inputs = write_inputs(HERE / "inputs")
        report(
            "chain-20k (cse,canonicalize)",
            asyncio.run(measure(inputs["chain"], "cse,canonicalize")),
        )
    graphs: dict[str, Path] = {}
    if "blocks" in parts:
        graphs["timeline: chatglm2-6b block decode"] = samples / "chatglm2_6b_block_decode.mlir"
        graphs["timeline: chatglm2-6b block prefill"] = samples / "chatglm2_6b_block_prefill.mlir"
    if "model" in parts:
        model = whole_model_graphs(HERE / "inputs")
        graphs["timeline: chatglm2-6b whole model decode"] = model["decode"]
        graphs["timeline: chatglm2-6b whole model prefill"] = model["prefill"]
    for name, path in graphs.items():
        report(name, asyncio.run(measure_timeline(path)))
    results["targets"] = {
        "file_shown_s": 2.0,
        "step_switch_s": 0.2,
        "first_paint_after_simulation_s": 1.0,
        "zoom_pan_key_s": 0.1,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
