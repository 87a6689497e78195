"""Snapshot tests of the main screens (pytest-textual-snapshot; update with
`pytest tests/tui --snapshot-update` after an intended change of the look)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ir_studio.tui.app import make_app

SAMPLES = Path(str(resources.files("ir_studio.sample_ir")))
SIZE = (140, 40)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_pipeline_screen(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("n", "n")
        await pilot.pause()

    assert snap_compare(make_app(show_timings=False), terminal_size=SIZE, run_before=run_before)


def test_diff_screen(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("n")
        pilot.app.query_one("#tabs").active = "tab-diff"
        await pilot.pause()

    assert snap_compare(make_app(show_timings=False), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(show_timings=False), terminal_size=SIZE, run_before=run_before)


def test_timeline_screen(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("t")
        await pilot.pause()

    app = make_app(str(SAMPLES / "tpu" / "glm_block_cache.mlir"), show_timings=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_timeline_of_an_a16_matmul(snap_compare) -> None:
    """The ChatGLM2-6B decode block, the MLP's up-projection selected from the op table:
    zoomed to it, its tiles alternating between the halves of local memory."""

    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        pilot.app.query_one("#op-table").focus()
        await pilot.press("enter")  # the longest op: layers.0.mlp.dense_h_to_4h
        await pilot.press("plus", "plus", "plus", "plus")
        await pilot.pause()

    app = make_app(str(SAMPLES / "tpu" / "chatglm2_6b_block_decode.mlir"), show_timings=False)
    assert snap_compare(app, terminal_size=(140, 60), run_before=run_before)


def test_timeline_tab_on_a_toy_file(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(make_app(show_timings=False), terminal_size=SIZE, run_before=run_before)
