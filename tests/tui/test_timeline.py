"""Pilot tests of the Timeline tab on the full-size ChatGLM2-6B block graphs: the first
view fits the pane, selection follows between the IR, the timeline and the per-op table,
modes and phases switch, `x` writes a Chrome trace that matches the simulation, and a
file that is not a TPU graph says why there is no timeline. Also: locations hidden in the
IR view, and every key the help lists is bound."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
from ir_studio.tui.app import IRStudioApp, make_app
from ir_studio.tui.renderables.timeline import GUTTER, ROW_NAMES
from ir_studio.tui.widgets.code_view import CodeView
from ir_studio.tui.widgets.help import KEYS, bound_keys
from ir_studio.tui.widgets.op_table import OpTable
from ir_studio.tui.widgets.rows_view import RowsView
from ir_studio.tui.widgets.timeline import TimelineView
from ir_studio.tui.widgets.timeline_pane import TimelinePane

TPU = Path(str(resources.files("ir_studio.sample_ir"))) / "tpu"
DECODE = TPU / "chatglm2_6b_block_decode.mlir"
MLP = "layers.0.mlp.dense_h_to_4h"


async def _ready(app: IRStudioApp, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def _row(view: TimelineView, name: str) -> str:
    return view.strips()[ROW_NAMES.index(name)].text


@pytest.mark.asyncio
async def test_first_view_fits_the_pane_with_a_time_axis() -> None:
    app = make_app(str(DECODE), show_timings=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        view = app.query_one("#timeline", TimelineView)
        assert view.index is not None
        assert view.start == 0.0
        assert view.per_cell * view.lanes_width == pytest.approx(view.index.total)
        gdma = _row(view, "GDMA")[GUTTER:]
        assert sum(c != " " for c in gdma) > 0.9 * len(gdma)
        axis = _row(view, "")
        assert "0.0 ms" in axis
        assert "3.0 ms" in axis
        assert view.painted
        legend = app.query_one("#tl-legend", RowsView).text()
        for name in ("A16MatMul", "RMSNorm", "kind load", "kind matmul", "both busy"):
            assert name in legend
        await pilot.press("plus", "plus", "plus")
        assert "µs" in _row(view, "") or "ms" in _row(view, "")
        before = _row(view, "")
        await pilot.press("right")
        assert _row(view, "") != before  # the axis follows the pan


@pytest.mark.asyncio
async def test_a_click_on_a_lane_selects_what_ran_there() -> None:
    app = make_app(str(DECODE), show_timings=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        view = app.query_one("#timeline", TimelineView)
        x = GUTTER + view.lanes_width // 2  # the middle: the MLP's up-projection
        await pilot.click("#timeline", offset=(x, ROW_NAMES.index("GDMA")))
        await pilot.pause()
        instr = view.index.timeline.instrs[view.selected]
        assert instr.engine == "GDMA"
        assert instr.start <= view.start + (x - GUTTER + 1) * view.per_cell
        assert view.selected_op == MLP
        assert "GDMA load · tpu.A16MatMul" in str(app.query_one("#instr").render())
        await pilot.click("#timeline", offset=(GUTTER + 1, ROW_NAMES.index("ops")))
        await pilot.pause()
        middle = view.start + 1.5 * view.per_cell
        op = view.index.op_named(view.selected_op)
        assert op.start <= middle <= op.end


@pytest.mark.asyncio
async def test_ir_op_jumps_to_the_timeline_and_back() -> None:
    app = make_app(str(DECODE), show_timings=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        await pilot.press("n")  # after tpu-w8a16: A16MatMul ops
        ir = app.query_one("#ir", CodeView)
        line = next(
            n
            for n, text in enumerate(ir.lines)
            if "tpu.A16MatMul" in text and MLP + '"' in ir.full_line(n)
        )
        assert "loc(" not in ir.lines[line]  # hidden, but known
        ir.focus()
        ir.highlighted = line - 1
        await pilot.press("down")
        await pilot.pause()
        view = app.query_one("#timeline", TimelineView)
        assert view.selected_op == MLP
        op = view.index.op_named(MLP)
        assert view.start <= op.start
        assert op.end <= view.window().end
        window = view.window()
        assert window.end - window.start <= 2 * (op.end - op.start) + 1e-12  # zoomed to it
        assert "op layers.0.mlp.dense_h_to_4h" in str(app.query_one("#counts").render())
        pingpong = app.query_one("#pingpong", RowsView).text()
        assert "half A" in pingpong
        assert "half B" in pingpong
        assert "2 load int weights + scales" in pingpong
        detail = str(app.query_one("#op-detail").render())
        assert "GDMA-bound" in detail
        assert "GB/s" in detail
        await pilot.press("enter")  # to the timeline
        await pilot.pause()
        assert app.query_one("#tabs").active == "tab-timeline"
        assert app.focused is view
        await pilot.press("right_square_bracket")  # the next op
        assert view.selected_op != MLP
        assert MLP + '"' not in ir.full_line(ir.highlighted)  # the IR cursor followed
        await pilot.press("left_square_bracket", "enter")  # back to the IR
        await pilot.pause()
        assert app.query_one("#tabs").active == "tab-ir"
        assert ir.highlighted == line


@pytest.mark.asyncio
async def test_op_table_sorts_by_time_and_opens_ops() -> None:
    app = make_app(str(DECODE), show_timings=False)
    async with app.run_test(size=(160, 60)) as pilot:
        await _ready(app, pilot)
        await pilot.press("t")
        table = app.query_one("#op-table", OpTable)
        by_time = table.order()
        assert by_time[0] == MLP
        table.focus()
        await pilot.press("s")
        program = table.order()
        assert program[0] == "hidden_states_f16"
        assert sorted(program) == sorted(by_time)
        await pilot.press("s", "enter")  # back to by-time; open the longest op
        await pilot.pause()
        view = app.query_one("#timeline", TimelineView)
        assert view.selected_op == MLP
        assert app.focused is view


@pytest.mark.asyncio
async def test_modes_and_phases_switch_and_compare_on_one_scale() -> None:
    app = make_app(str(DECODE), show_timings=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        await pilot.press("t")
        pane = app.query_one("#timeline-pane", TimelinePane)
        assert pane.key == ("decode", "w8a16")
        assert set(pane.runs.runs) == {
            (phase, mode) for phase in ("decode", "prefill") for mode in ("f16", "w8a16", "w4a16")
        }
        await pilot.press("m")
        assert pane.key == ("decode", "w4a16")
        assert "w4a16" in str(app.query_one("#tl-title").render())
        await pilot.press("o")
        assert pane.key == ("prefill", "w4a16")
        view = app.query_one("#timeline", TimelineView)
        assert view.index is pane.runs.runs[("prefill", "w4a16")]
        compare = app.query_one("#compare", RowsView).text()
        for name in ("decode f16", "decode w8a16", "decode w4a16", "prefill f16"):
            assert name in compare


@pytest.mark.asyncio
async def test_x_exports_a_chrome_trace_that_matches_the_simulation(tmp_path: Path) -> None:
    graph = tmp_path / DECODE.name
    shutil.copy(DECODE, graph)
    app = make_app(str(graph), show_timings=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        await pilot.press("t", "x")
        await pilot.pause()
        written = tmp_path / "chatglm2_6b_block_decode.decode-w8a16.trace.json"
        assert app.last_trace == written
        timeline = app.query_one("#timeline-pane", TimelinePane).current.timeline
    events = json.loads(written.read_text())["traceEvents"]
    tracks = {e["tid"]: e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    assert set(tracks.values()) >= {"GDMA", "BDC", "ops"}
    slices = [e for e in events if e["ph"] == "X" and tracks[e["tid"]] in ("GDMA", "BDC")]
    assert len(slices) == len(timeline.instrs)
    for event, instr in zip(slices, timeline.instrs, strict=True):
        assert tracks[event["tid"]] == instr.engine
        assert event["ts"] == pytest.approx(instr.start * 1e6)
        assert event["dur"] == pytest.approx((instr.end - instr.start) * 1e6)
        assert event["args"]["bytes"] == instr.bytes
        assert event["args"]["flops"] == instr.flops
        assert instr.op.split(".", 1)[-1] in event["name"]
        assert (event["args"]["op"], event["args"]["loc"]) == (instr.op, instr.loc)
    ops = [e for e in events if e["ph"] == "X" and tracks[e["tid"]] == "ops"]
    assert {e["name"] for e in ops} == {o.loc for o in timeline.ops}


@pytest.mark.asyncio
async def test_x_without_a_timeline_warns() -> None:
    app = make_app(show_timings=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert any("no timeline" in n.message for n in app._notifications)


LLVM_IR = """define i32 @main() {
  ret i32 0
}
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("path", "kind"),
    [(None, "a Toy program"), ("demo.mlir", "plain MLIR"), ("prog.ll", "LLVM IR")],
)
async def test_timeline_tab_explains_itself_on_other_files(
    path: str | None, kind: str, tmp_path: Path
) -> None:
    full = str(TPU.parent / path) if path else None
    if path == "prog.ll":
        full = str(tmp_path / path)
        Path(full).write_text(LLVM_IR)
    app = make_app(full, show_timings=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        title = str(app.query_one("#tl-title").render())
        assert "The timeline simulates TPU graphs" in title
        assert kind in title
        assert not app.query_one("#timeline", TimelineView).display


@pytest.mark.asyncio
async def test_ir_view_hides_locations_until_l() -> None:
    app = make_app(show_timings=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await _ready(app, pilot)
        for _ in range(9):
            await pilot.press("n")
        ir = app.query_one("#ir", CodeView)
        assert any("llvm.fmul" in line for line in ir.lines)
        assert not any(" loc(" in line for line in ir.lines)
        assert any(" loc(" in line for line in ir.source_lines)
        await pilot.press("l")
        assert any('loc("ch6_llvm.toy"' in line for line in ir.lines)
        await pilot.press("l")
        assert not any(" loc(" in line for line in ir.lines)


@pytest.mark.asyncio
async def test_a_graph_that_cannot_be_simulated_says_why() -> None:
    from ir_studio.tui.model import TpuRuns

    app = make_app(show_timings=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await _ready(app, pilot)
        pane = app.query_one("#timeline-pane", TimelinePane)
        pane.show_runs(TpuRuns("decode", errors=["decode w8a16: deadlock"]))
        await pilot.press("t", "x")
        await pilot.pause()
        assert "Nothing to draw: decode w8a16: deadlock" in str(app.query_one("#tl-title").render())
        assert any("no timeline" in n.message for n in app._notifications)


def test_every_key_the_help_lists_is_bound() -> None:
    owners = {
        "app": IRStudioApp,
        "CodeView": CodeView,
        "TimelineView": TimelineView,
        "TimelinePane": TimelinePane,
        "OpTable": OpTable,
    }
    for key in KEYS:
        owner = owners[key.where]
        bound = bound_keys(owner.BINDINGS)
        for name in key.bound:
            assert name in bound, f"help lists {key.keys!r} but {key.where} does not bind {name}"
            action = bound[name].split("(", 1)[0].removeprefix("app.")
            target = IRStudioApp if bound[name].startswith("app.") else owner
            assert hasattr(target, f"action_{action}"), (key.keys, action)
