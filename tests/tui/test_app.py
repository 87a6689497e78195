"""Pilot tests of the terminal UI: every screen and binding, on real files."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from ir_studio.tui.app import IRStudioApp, make_app
from ir_studio.tui.widgets.code_view import CodeView
from ir_studio.tui.widgets.help import HelpScreen
from ir_studio.tui.widgets.timeline import TimelineView

SAMPLES = Path(str(resources.files("ir_studio.sample_ir")))


async def _ready(app: IRStudioApp, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.asyncio
async def test_toy_pipeline_steps_diffs_and_execution() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        assert app.pipeline == "toy-to-llvm"
        assert len(app.steps) == 10
        assert app.current == 0
        ir = app.query_one("#ir", CodeView)
        assert any("toy.generic_call" in line for line in ir.lines)
        await pilot.press("n")
        assert app.current == 1
        app.query_one("#tabs").active = "tab-diff"
        await pilot.pause()
        diff = app.query_one("#diff", CodeView).lines
        assert any(line.startswith("-") and "toy.generic_call" in line for line in diff)
        await pilot.press("p")
        assert app.current == 0
        await pilot.press("u")  # hide unchanged: cse steps that did nothing disappear
        visible = [s.index for s in app._visible_steps()]
        assert all(app.steps[i].changed for i in visible if i)
        exec_text = str(app.query_one("#exec").render())
        assert "reference" in exec_text
        for _ in range(9):
            await pilot.press("n")
        assert "same output" in str(app.query_one("#exec").render())
        await pilot.press("d")
        assert app.side_by_side
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("c")
        await pilot.press("q")


@pytest.mark.asyncio
async def test_invalid_file_shows_its_diagnostics(tmp_path: Path) -> None:
    bad = tmp_path / "bad.mlir"
    bad.write_text("func.func @f() {\n  %0 = arith.addi %x, %x : i32\n  return\n}\n")
    app = make_app(str(bad))
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready(app, pilot)
        table = app.query_one("#diagnostics")
        assert table.row_count == 1
        assert app.query_one("#tabs").active == "tab-diagnostics"
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#source", CodeView).highlighted == 1


@pytest.mark.asyncio
async def test_pipeline_input_is_validated_as_you_type() -> None:
    app = make_app(str(SAMPLES / "demo.mlir"))
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready(app, pilot)
        field = app.query_one("#pipeline")
        field.value = "cse,no-such-pass"
        await pilot.pause()
        assert field.has_class("invalid")
        field.value = "cse,canonicalize"
        await pilot.pause()
        assert not field.has_class("invalid")
        field.focus()
        await pilot.press("enter")
        await _ready(app, pilot)
        assert [s.name for s in app.steps] == ["input", "cse", "canonicalize"]


@pytest.mark.asyncio
async def test_tpu_timeline_zoom_pan_and_details(tmp_path: Path) -> None:
    app = make_app(str(SAMPLES / "tpu" / "glm_block_cache.mlir"))
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        await pilot.press("t")
        timeline = app.query_one("#timeline", TimelineView)
        assert timeline.timeline is not None
        zoom = timeline.per_cell
        await pilot.press("plus")
        assert timeline.per_cell < zoom
        await pilot.press("minus", "minus")
        assert timeline.per_cell > zoom
        await pilot.press("full_stop")
        assert timeline.selected == 1
        assert "GDMA" in str(app.query_one("#instr").render()) or "BDC" in str(
            app.query_one("#instr").render()
        )
        summary = str(app.query_one("#tpu-summary").render())
        assert "w8a16" in summary
        assert "w4a16" in summary
        assert "f16" in summary


@pytest.mark.asyncio
async def test_selecting_an_op_shows_its_toy_source_line() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        for _ in range(9):
            await pilot.press("n")  # the llvm dialect, after lower-to-llvm
        ir = app.query_one("#ir", CodeView)
        target = next(i for i, line in enumerate(ir.lines) if "llvm.fmul" in line)
        ir.focus()
        ir.highlighted = target - 1
        await pilot.press("down")
        await pilot.pause()
        assert "from ch6_llvm.toy:3:25" in str(app.query_one("#counts").render())
        assert app.query_one("#source", CodeView).highlighted == 2


def test_a_missing_file_is_a_clear_command_line_error() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-P", "-m", "ir_studio", "/nonexistent/x.mlir"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.asyncio
async def test_search_function_filter_pipeline_focus_and_timeline_keys() -> None:
    app = make_app(show_timings=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        await pilot.press("slash")
        assert app.focused is app.query_one("#search")
        await pilot.press(*"shape")
        await pilot.pause()
        assert [s.name for s in app._visible_steps()] == ["toy-shape-inference"]
        app.query_one("#search").value = ""
        app.query_one("#passes").focus()
        await pilot.press("f")
        assert app.focused is app.query_one("#function")
        await pilot.press(*"main", "enter")
        await pilot.pause()
        ir = app.query_one("#ir", CodeView).lines
        assert any("@main" in line for line in ir)
        assert not any("toy.func private @multiply_transpose" in line for line in ir)
        app.query_one("#passes").focus()
        await pilot.press("e")
        assert app.focused is app.query_one("#pipeline")
    tpu = make_app(str(SAMPLES / "tpu" / "glm_block_cache.mlir"), show_timings=False)
    async with tpu.run_test(size=(160, 48)) as pilot:
        await _ready(tpu, pilot)
        await pilot.press("t", "plus", "plus", "plus")
        timeline = tpu.query_one("#timeline", TimelineView)
        await pilot.press("right")
        assert timeline.start > 0
        start = timeline.start
        await pilot.press("left")
        assert timeline.start < start
        await pilot.press("0")
        assert timeline.start == 0
        await pilot.press("comma")
        assert timeline.selected == len(timeline.timeline.instrs) - 1  # wraps to the last
