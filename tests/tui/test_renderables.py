"""The timeline's pure parts, without an App: axis, lanes and their per-cell aggregation,
the rows drawn for a window, an A16MatMul's ping-pong, the comparison of modes, the per-op
table and IR text without locations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from ir_studio.tui import model
from ir_studio.tui.renderables.axis import axis_segments, format_time, nice_step
from ir_studio.tui.renderables.compare import compare_rows, weight_share
from ir_studio.tui.renderables.ir_text import (
    is_location_alias,
    line_of_location,
    named_location,
    strip_locations,
)
from ir_studio.tui.renderables.lanes import Lane, gaps, intersection
from ir_studio.tui.renderables.op_summary import op_rows, sort_rows
from ir_studio.tui.renderables.pingpong import assign_tiles, pingpong_rows, step_of
from ir_studio.tui.renderables.timeline import (
    GUTTER,
    ROW_NAMES,
    Window,
    plain,
    render_rows,
)

DECODE = Path(str(resources.files("ir_studio.sample_ir"))) / "tpu" / "chatglm2_6b_block_decode.mlir"


@pytest.fixture(scope="module")
def runs() -> model.TpuRuns:
    return model.simulate_modes(model.load_file(str(DECODE)))


def test_axis_ticks_carry_units_and_follow_the_window() -> None:
    assert nice_step(3.7e-3, 10) == pytest.approx(5e-4)
    assert format_time(1.5e-3) == "1.50 ms"
    assert format_time(2e-6, 1e-6) == "2 µs"
    text = "".join(s.text for s in axis_segments(0.0, 3.7e-3 / 100, 100))
    assert len(text) == 100
    assert "0.5 ms" in text
    assert "3.0 ms" in text
    assert text[round(3.5e-3 / 3.7e-5)] == "┊"  # a tick without room for its label
    zoomed = "".join(s.text for s in axis_segments(1e-3, 1e-7, 100))
    assert "┊1.002 ms" in zoomed  # 2 µs steps far from zero keep the unit of the window
    near_zero = "".join(s.text for s in axis_segments(0.0, 1e-8, 100))
    assert "┊0.2 µs" in near_zero


def test_lane_fractions_dominant_overlap_and_gaps() -> None:
    a = Lane.of([(0.0, 1.0), (2.0, 3.0)])
    b = Lane.of([(0.5, 2.5)])
    edges = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    assert a.fractions(edges).tolist() == [1.0, 0.0, 1.0, 0.0]
    assert a.dominant(edges).tolist() == [0, -1, 1, -1]
    both = intersection(a, b)
    assert list(zip(both.starts.tolist(), both.ends.tolist(), strict=True)) == [
        (0.5, 1.0),
        (2.0, 2.5),
    ]
    idle = gaps(a, b, 4.0)
    assert list(zip(idle.starts.tolist(), idle.ends.tolist(), strict=True)) == [(3.0, 4.0)]
    # many intervals in one cell: the busy fraction is their sum, not one of them
    many = Lane.of([(k * 0.01, k * 0.01 + 0.005) for k in range(100)])
    assert many.fractions(np.array([0.0, 1.0])).tolist() == pytest.approx([0.5])


def test_rows_fit_the_window_and_name_the_ops(runs: model.TpuRuns) -> None:
    index = runs.runs[("decode", "w8a16")]
    rows = plain(render_rows(index, Window.fit(0.0, index.total, 120)))
    assert len(rows) == len(ROW_NAMES)
    assert all(len(row) == GUTTER + 120 for row in rows)
    gdma = rows[ROW_NAMES.index("GDMA")][GUTTER:]
    assert sum(c != " " for c in gdma) > 0.95 * 120  # decode is GDMA-bound end to end
    assert "dense_h_to_4h" in rows[ROW_NAMES.index("ops")]
    assert "ms" in rows[0]
    # zoomed into one weight load, its label fits inside its segment
    load = next(i for i in index.gdma_items if i.loc.endswith(":weight"))
    inside = plain(render_rows(index, Window.fit(load.start, load.end, 60)))
    assert "weight" in inside[ROW_NAMES.index("GDMA")]
    assert "load" in inside[ROW_NAMES.index(" kind")]


def test_a_whole_model_zoomed_out_names_its_layers() -> None:
    from ir_studio.tui.renderables.timeline import layer_label, layer_of

    assert layer_of("layers.12.mlp.dense_4h_to_h") == "layers.12"
    assert layer_of("lm_head") == "lm_head"
    assert layer_label("layers.12") == "L12"
    assert layer_label("lm_head") == "lm_head"


def test_selected_op_is_marked(runs: model.TpuRuns) -> None:
    index = runs.runs[("decode", "w8a16")]
    loc = "layers.0.mlp.dense_h_to_4h"
    rows = plain(render_rows(index, Window.fit(0.0, index.total, 120), loc))
    assert "▓" in rows[ROW_NAMES.index("ops")]


def test_a16_matmul_tiles_alternate_between_the_halves(runs: model.TpuRuns) -> None:
    index = runs.runs[("decode", "w8a16")]
    loc = "layers.0.mlp.dense_h_to_4h"
    instrs = index.instrs_of(loc)
    tiled = assign_tiles(instrs)
    tiles = sorted({t.tile for t in tiled if t.tile is not None})
    assert len(tiles) > 4
    # every tile has the five steps: weights+scales loaded, cast, scale, matmul, store
    for tile in tiles:
        steps = {step_of(t.instr) for t in tiled if t.tile == tile}
        assert {1, 2, 3, 4, 5} <= steps, (tile, steps)
    # the activation is loaded once and stays (resident)
    assert [step_of(t.instr) for t in tiled if t.tile is None] == [0]
    # while tile i computes, tile i+1's weights load into the other half
    compute = next(t.instr for t in tiled if t.tile == 1 and t.instr.kind == "matmul")
    load_next = next(t.instr for t in tiled if t.tile == 2 and step_of(t.instr) == 1)
    assert load_next.start < compute.end
    op = index.op_named(loc)
    assert op is not None
    rows = plain(
        pingpong_rows(instrs, Window.fit(op.start, op.start + (op.end - op.start) / 4, 120))
    )
    assert rows[1].startswith("half A")
    assert rows[2].startswith("half B")
    assert "w0" in rows[1]
    assert "w1" in rows[2]
    assert "w2" in rows[1]


def test_modes_side_by_side_share_one_scale(runs: model.TpuRuns) -> None:
    pairs = [(f"{p} {m}", index) for (p, m), index in runs.runs.items() if p == "decode"]
    rows = plain(compare_rows(pairs, 130))
    gdma = [row for row in rows if "GDMA" in row]
    lengths = [len(row.rstrip()) for row in gdma]
    assert lengths[0] > lengths[1] > lengths[2]  # f16 > w8a16 > w4a16 in weight traffic
    assert lengths[0] == 130
    assert weight_share(runs.runs[("decode", "f16")]) > 0.9


def test_op_table_rows_bound_and_sort(runs: model.TpuRuns) -> None:
    index = runs.runs[("decode", "w8a16")]
    rows = op_rows(index.op_items)
    by_time = sort_rows(rows, by_time=True)
    assert [r.seconds for r in by_time] == sorted((r.seconds for r in rows), reverse=True)
    top = by_time[0]
    assert top.loc == "layers.0.mlp.dense_h_to_4h"
    assert top.bound == "GDMA"
    assert top.bandwidth == pytest.approx(top.bytes / top.seconds)
    assert 40e9 < top.bandwidth < 70e9
    assert sort_rows(by_time, by_time=False) == rows


def test_locations_are_hidden_as_mlir_opt_prints() -> None:
    line = '  %0 = "toy.constant"() {value = 1} : () -> tensor<2xf64> loc("ch6.toy":3:5)'
    assert strip_locations(line) == '  %0 = "toy.constant"() {value = 1} : () -> tensor<2xf64>'
    header = 'func.func @f(%a: i32 loc(unknown), %b: i32 loc(fused["x", "y"])) {'
    assert strip_locations(header) == "func.func @f(%a: i32, %b: i32) {"
    kept = '  %1 = "x"() {s = "loc(y)"} : () -> i32'
    assert strip_locations(kept) == kept
    assert is_location_alias('#loc12 = loc("layers.0.q")')
    assert (
        named_location('%3 = "tpu.Add"(%1, %2) : ... loc("layers.0.residual")')
        == "layers.0.residual"
    )
    assert line_of_location(["a", 'b loc("n")', 'c loc("n.x")'], "n") == 1


def test_the_pipelines_w8a16_step_is_not_lowered_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The TUI runs tpu-w8a16 as its pipeline; the timeline simulates that step's module
    and lowers only F16 and W4A16 itself (issue 13: it used to lower W8A16 twice)."""
    from ir_studio.tpu import analysis

    loaded = model.load(str(DECODE), None, None)
    assert [s.name for s in loaded.steps] == ["input", "tpu-w8a16"]
    lowered_modes: list[str] = []
    real = analysis.lower_to_tpu

    def counting(module, mode, *args, **kwargs):
        lowered_modes.append(mode)
        return real(module, mode, *args, **kwargs)

    monkeypatch.setattr(analysis, "lower_to_tpu", counting)
    runs = model.simulate_modes(loaded.file, loaded.steps, loaded.pipeline)
    assert lowered_modes.count("w8a16") == 1  # the prefill graph next to it, not this one
    assert lowered_modes.count("f16") == 2
    again = model.simulate_modes(loaded.file)  # without steps: lowered here, same figures
    assert again.runs[("decode", "w8a16")].total == pytest.approx(
        runs.runs[("decode", "w8a16")].total
    )
