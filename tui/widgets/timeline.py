"""The timeline widget: the rows of `renderables.timeline` for a window of the simulated
run, drawn with the line API from a cache of strips (one entry per window), so zooming
and panning over tens of thousands of instructions costs one aggregation per row."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
from ir_studio.tui.messages import InstrSelected, OpOpened, OpSelected, WindowMoved
from ir_studio.tui.renderables.timeline import (
    GUTTER,
    ROW_NAMES,
    TimelineIndex,
    Window,
    op_key,
    render_rows,
)
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget


class TimelineView(Widget, can_focus=True):
    """Axis, ops, GDMA and BDC (each with a kind row), and the overlap/idle strip.

    | Key | Action |
    | :- | :- |
    | `+` / `-`, wheel | zoom in / out around the middle |
    | `←` / `→`, drag | pan by a quarter of the window |
    | `0` | fit the whole run |
    | `,` / `.` | previous / next instruction |
    | `[` / `]` | previous / next op |
    | `enter` | show the selected op in the IR tab |
    """

    BINDINGS = [
        Binding("plus,equals_sign", "zoom(0.5)", "zoom in"),
        Binding("minus", "zoom(2)", "zoom out"),
        Binding("left", "pan(-0.25)", "pan left", show=False),
        Binding("right", "pan(0.25)", "pan right", show=False),
        Binding("0", "fit", "fit", show=False),
        Binding("comma", "select(-1)", "prev instr", show=False),
        Binding("full_stop", "select(1)", "next instr", show=False),
        Binding("left_square_bracket", "select_op(-1)", "prev op", show=False),
        Binding("right_square_bracket", "select_op(1)", "next op", show=False),
        Binding("enter", "open_in_ir", "to IR", show=False),
    ]
    DEFAULT_CSS = "TimelineView { height: 7; }"

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.index: TimelineIndex | None = None
        self.start = 0.0
        """The time at the left edge, in seconds."""
        self.per_cell = 1e-6
        """Seconds per cell (zoom)."""
        self.selected = 0
        """The selected instruction (its id in the simulation)."""
        self.selected_op: str | None = None
        self._strips: OrderedDict[tuple[object, ...], list[Strip]] = OrderedDict()
        self._drag_x: int | None = None
        self._dragged = False
        self._target: tuple[float, float] | None = (0.0, 1e-6)
        """A time range to fit to the width whenever the width is known or changes (the
        whole run at first, an op after a jump), until the user zooms or pans."""
        self.painted = False

    @property
    def lanes_width(self) -> int:
        return max(10, self.size.width - GUTTER)

    @property
    def timeline(self) -> object:
        return self.index.timeline if self.index is not None else None

    def show(self, index: TimelineIndex, keep_window: bool = False) -> None:
        """Draw `index`, fitted to the width (or keeping the window, to compare runs)."""
        self.index = index
        self._strips.clear()
        if not keep_window:
            self.selected = 0
            self.selected_op = None
            self.action_fit()
        self.refresh()

    def window(self) -> Window:
        return Window(self.start, self.per_cell, self.lanes_width)

    # -- actions -------------------------------------------------------------------
    def action_fit(self) -> None:
        if self.index is not None:
            self._target = (0.0, self.index.total)
            self._refit_if_needed()
        self.post_message(WindowMoved())
        self.refresh()

    def action_zoom(self, factor: float) -> None:
        self._refit_if_needed()
        self._target = None
        middle = self.start + self.per_cell * self.lanes_width / 2
        self.per_cell = max(1e-12, self.per_cell * factor)
        self.start = max(0.0, middle - self.per_cell * self.lanes_width / 2)
        self.post_message(WindowMoved())
        self.refresh()

    def _refit_if_needed(self) -> None:
        if self._target is not None:
            start, end = self._target
            self.start = start
            self.per_cell = max((end - start) / self.lanes_width, 1e-12)

    def action_pan(self, fraction: float) -> None:
        self._refit_if_needed()
        self._target = None
        self.start = max(0.0, self.start + fraction * self.per_cell * self.lanes_width)
        self.post_message(WindowMoved())
        self.refresh()

    def action_select(self, step: int) -> None:
        if self.index is None or not self.index.timeline.instrs:
            return
        instrs = self.index.timeline.instrs
        self.selected = (self.selected + step) % len(instrs)
        instr = instrs[self.selected]
        self.selected_op = op_key(instr)
        self._refit_if_needed()
        if not self.start <= instr.start <= self.window().end:
            self.start = max(0.0, instr.start - self.per_cell * self.lanes_width / 4)
        self.post_message(InstrSelected(self.selected))
        self.post_message(OpSelected(self.selected_op, "timeline"))
        self.refresh()

    def action_select_op(self, step: int) -> None:
        if self.index is None or not self.index.op_items:
            return
        ops = self.index.op_items
        now = next((n for n, o in enumerate(ops) if o.loc == self.selected_op), -1)
        target = ops[(now + step) % len(ops) if now >= 0 else (0 if step > 0 else -1)]
        self.jump_to(target.loc)
        self.post_message(OpSelected(target.loc, "timeline"))

    def action_open_in_ir(self) -> None:
        if self.selected_op is not None:
            self.post_message(OpOpened(self.selected_op, "ir"))

    def jump_to(self, loc: str) -> bool:
        """Select op `loc` and zoom so that it fills the middle half of the window."""
        if self.index is None:
            return False
        op = self.index.op_named(loc)
        if op is None:
            return False
        self.selected_op = loc
        span = max(op.end - op.start, 1e-9)
        self._target = (max(0.0, op.start - span / 2), op.end + span / 2)
        self._refit_if_needed()
        first = next((i for i in self.index.timeline.instrs if op_key(i) == loc), None)
        if first is not None:
            self.selected = first.id
        self.refresh()
        return True

    # -- mouse ---------------------------------------------------------------------
    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._drag_x = event.x
        self._dragged = False
        self.capture_mouse()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self._drag_x = None
        self.release_mouse()

    def on_click(self, event: events.Click) -> None:
        """A click on a lane (not the end of a drag) selects what ran there."""
        if self._dragged or self.index is None or event.x < GUTTER:
            return
        row = ROW_NAMES[event.y] if event.y < len(ROW_NAMES) else ""
        x = event.x - GUTTER
        edges = np.array([self.start + x * self.per_cell, self.start + (x + 1) * self.per_cell])
        if row in ("GDMA", "BDC"):
            lane, items = (
                (self.index.gdma, self.index.gdma_items)
                if row == "GDMA"
                else (self.index.bdc, self.index.bdc_items)
            )
            at = int(lane.dominant(edges)[0])
            if at >= 0:
                self.selected = items[at].id - 1
                self.action_select(1)
        elif row == "ops":
            at = int(self.index.ops.dominant(edges)[0])
            if at >= 0:
                self.selected_op = self.index.op_items[at].loc
                self.post_message(OpSelected(self.selected_op, "timeline"))
                self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Drag to pan."""
        if self._drag_x is None or not event.button:
            return
        self._refit_if_needed()
        self._target = None
        self._dragged = self._dragged or event.x != self._drag_x
        self.start = max(0.0, self.start - (event.x - self._drag_x) * self.per_cell)
        self._drag_x = event.x
        self.post_message(WindowMoved())
        self.refresh()

    def on_mouse_scroll_up(self) -> None:
        self.action_zoom(0.8)

    def on_mouse_scroll_down(self) -> None:
        self.action_zoom(1.25)

    # -- drawing -------------------------------------------------------------------
    def strips(self) -> list[Strip]:
        """The rows of the current window (cached per window and selection)."""
        self._refit_if_needed()
        key = (id(self.index), self.start, self.per_cell, self.lanes_width, self.selected_op)
        cached = self._strips.get(key)
        if cached is not None:
            self._strips.move_to_end(key)
            return cached
        if self.index is None:
            return []
        rows = render_rows(self.index, self.window(), self.selected_op)
        strips = [Strip(row).extend_cell_length(self.size.width) for row in rows]
        self._strips[key] = strips
        if len(self._strips) > 64:
            self._strips.popitem(last=False)
        return strips

    def render_line(self, y: int) -> Strip:
        strips = self.strips()
        if y >= len(strips) or y >= len(ROW_NAMES):
            return Strip.blank(self.size.width)
        self.painted = True
        return strips[y].crop(0, self.size.width)
