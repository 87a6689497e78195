"""The Timeline tab: which run is shown (phase and mode), the legend, the timeline, the
selected instruction, a selected `tpu.A16MatMul`'s five steps per half of local memory,
every run side by side on one time scale, the per-op table and the summary of the modes.
On a file that is not a TPU graph it says why there is nothing to draw."""

from __future__ import annotations

from ir_studio.tui.messages import InstrSelected, OpSelected, WindowMoved
from ir_studio.tui.model import TpuRuns
from ir_studio.tui.renderables.axis import format_time
from ir_studio.tui.renderables.compare import compare_rows
from ir_studio.tui.renderables.palette import legend
from ir_studio.tui.renderables.pingpong import STEPS, pingpong_rows
from ir_studio.tui.renderables.timeline import (
    TimelineIndex,
    Window,
    kind_legend,
    op_legend,
    short_name,
)
from ir_studio.tui.widgets.op_table import OpTable
from ir_studio.tui.widgets.rows_view import RowsView
from ir_studio.tui.widgets.timeline import TimelineView
from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

NOT_TPU = (
    "The timeline simulates TPU graphs: modules in TPU-MLIR's top or tpu dialect, such as\n"
    "sample_ir/tpu/chatglm2_6b_block_decode.mlir (open one with `ir-studio FILE`).\n"
    "This file is {kind}: it has no top.* or tpu.* op, so there is nothing to run on the chip."
)
WAITING = "Simulating F16, W8A16 and W4A16 on the BM1684X model..."
PINGPONG_HINT = "Select a tpu.A16MatMul ([ ] or the table) to see its five steps per half."


class TimelinePane(VerticalScroll):
    """`m` cycles the mode shown, `o` switches to the other phase when there is one."""

    BINDINGS = [
        Binding("m", "cycle_mode", "mode"),
        Binding("o", "other_phase", "phase"),
    ]
    DEFAULT_CSS = """
    TimelinePane { height: 1fr; }
    TimelinePane Static { padding: 0 1; height: auto; }
    TimelinePane .heading { text-style: bold; margin-top: 1; }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.runs: TpuRuns | None = None
        self.key: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static(WAITING, id="tl-title")
        yield TimelineView(id="timeline")
        yield Static("", id="op-detail")
        yield Static("", id="instr")
        yield RowsView(id="tl-legend")
        yield Static(
            "A16MatMul: its five steps in the two halves of local memory", classes="heading"
        )
        yield RowsView(PINGPONG_HINT, id="pingpong")
        yield Static(
            "Every run on one time scale (GDMA: red = weight and scale loads)", classes="heading"
        )
        yield RowsView(id="compare")
        yield Static(
            "Per op (s: sort by time / program order; enter: show on the timeline)",
            classes="heading",
        )
        yield OpTable(id="op-table")
        yield Static("", id="tpu-summary")

    @property
    def timeline(self) -> TimelineView:
        return self.query_one("#timeline", TimelineView)

    @property
    def current(self) -> TimelineIndex | None:
        if self.runs is None or self.key is None:
            return None
        return self.runs.runs.get(self.key)

    def explain(self, kind: str) -> None:
        """Not a TPU graph: say so instead of drawing empty lanes."""
        self.query_one("#tl-title", Static).update(NOT_TPU.format(kind=kind))
        for widget in self.query("TimelineView, OpTable, RowsView, .heading"):
            widget.display = False

    def show_runs(self, runs: TpuRuns) -> None:
        self.runs = runs
        if not runs.runs:
            problems = "\n".join(runs.errors) or "no run could be simulated"
            self.query_one("#tl-title", Static).update(f"Nothing to draw: {problems}")
            return
        preferred = (runs.phase, "w8a16")
        self.key = preferred if preferred in runs.runs else next(iter(runs.runs))
        self.query_one("#compare", RowsView).set_rows(
            lambda width: compare_rows(
                [(f"{p} {m}", index) for (p, m), index in runs.runs.items()], width - 2
            )
        )
        failed = [f"not simulated: {problem}" for problem in runs.errors]
        self.query_one("#tpu-summary", Static).update("\n".join(runs.summary_rows() + failed))
        self._show_current(keep_window=False)

    def _show_current(self, keep_window: bool) -> None:
        index = self.current
        if index is None or self.key is None:
            return
        timeline = index.timeline
        phase, mode = self.key
        self.query_one("#tl-title", Static).update(
            f"[b]{phase} · {mode}[/b] · {format_time(index.total)} · "
            f"{len(timeline.instrs):,} instructions · GDMA {timeline.utilisation('GDMA'):.0%} "
            f"· BDC {timeline.utilisation('BDC'):.0%} · both busy {format_time(timeline.overlap_s)}"
            f" · idle {format_time(float((index.idle.ends - index.idle.starts).sum()))}"
            "\n[dim]m mode · o phase · +/- zoom · ←/→ pan · 0 fit · ,/. instr · "
            "\\[/] op · enter: IR · x: trace[/dim]"
        )
        self.query_one("#tl-legend", RowsView).set_rows(
            lambda width: (
                legend(op_legend(index), width - 2)
                + legend([(f"kind {k}", c) for k, c in kind_legend(index)], width - 2)
                + legend([("both busy", "#5fd75f"), ("both idle ·", "#ff5f5f")], width - 2)
            )
        )
        selected = self.timeline.selected_op
        self.timeline.show(index, keep_window=keep_window)
        self.query_one("#op-table", OpTable).show(index)
        if selected is not None and index.op_named(selected) is not None:
            self.select_op(selected, jump=False)
        else:
            self.show_instr(0)

    def action_cycle_mode(self) -> None:
        if self.runs is None or self.key is None:
            return
        modes = self.runs.modes(self.key[0])
        self.key = (self.key[0], modes[(modes.index(self.key[1]) + 1) % len(modes)])
        self._show_current(keep_window=True)

    def action_other_phase(self) -> None:
        if self.runs is None or self.key is None:
            return
        others = [p for p in self.runs.phases if p != self.key[0]]
        if not others:
            self.notify("no other phase: put the prefill/decode graph next to this file")
            return
        mode = (
            self.key[1]
            if (others[0], self.key[1]) in self.runs.runs
            else self.runs.modes(others[0])[0]
        )
        self.key = (others[0], mode)
        self._show_current(keep_window=False)

    def select_op(self, loc: str, jump: bool) -> bool:
        """Select op `loc` (zooming to it when `jump`); False when this run has no such op."""
        index = self.current
        if index is None or index.op_named(loc) is None:
            return False
        if jump:
            self.timeline.jump_to(loc)
            self.show_instr(self.timeline.selected)
        else:
            self.timeline.selected_op = loc
            self.timeline.refresh()
        op = index.op_named(loc)
        assert op is not None
        self._show_pingpong(index, loc)
        rows = {r.loc: r for r in self.query_one("#op-table", OpTable).rows_data}
        row = rows.get(loc)
        if row is not None:
            self.query_one("#op-detail", Static).update(
                f"[b]{short_name(loc)}[/b] {op.op} · {loc} · {format_time(row.seconds)} · "
                f"{row.bytes / 2**20:.2f} MiB · {row.flops / 1e9:.3f} GFLOP · "
                f"{row.bandwidth / 1e9:.1f} GB/s · {row.flop_rate / 1e12:.2f} TFLOP/s · "
                f"{row.bound}-bound"
            )
        return True

    def _show_pingpong(self, index: TimelineIndex, loc: str) -> None:
        view = self.query_one("#pingpong", RowsView)
        op = index.op_named(loc)
        if op is None or not op.op.endswith("A16MatMul"):
            view.set_rows(None, PINGPONG_HINT)
            return
        instrs = index.instrs_of(loc)
        shown = self.timeline.window()
        inside = op.start <= shown.start and shown.end <= op.end

        def rows(width: int) -> list[list[Segment]]:
            cells = max(10, width - 10)
            window = (
                Window.fit(shown.start, shown.end, cells)
                if inside
                else Window.fit(op.start, op.end, cells)
            )
            return pingpong_rows(instrs, window) + legend(STEPS, width - 2)

        view.set_rows(rows)

    def show_instr(self, index_: int) -> None:
        index = self.current
        if index is None or not index.timeline.instrs:
            return
        i = index.timeline.instrs[index_]
        self.query_one("#instr", Static).update(
            f"{i.engine} {i.kind} · {i.op} · {i.loc}\n"
            f"start {i.start * 1e6:.2f} us · {(i.end - i.start) * 1e6:.2f} us · "
            f"{i.bytes} bytes · {i.flops} FLOPs"
        )

    def on_instr_selected(self, event: InstrSelected) -> None:
        event.stop()
        self.show_instr(event.index)

    def on_window_moved(self, event: WindowMoved) -> None:
        """The ping-pong view follows the timeline's window while it lies inside the op."""
        event.stop()
        index, loc = self.current, self.timeline.selected_op
        if index is not None and loc is not None:
            self._show_pingpong(index, loc)

    def on_op_selected(self, event: OpSelected) -> None:
        """Selections inside the pane update the pane; the app routes them further."""
        if event.origin == "timeline":
            self.select_op(event.loc, jump=False)
        elif event.origin == "table":
            self.select_op(event.loc, jump=True)
