"""The per-op summary of a simulated run: one row per op with its time, bytes, FLOPs,
achieved bandwidth and FLOP rate and its bounding engine. `s` (or a click on the header)
sorts by time and back to program order; ↑/↓ select an op (the timeline follows), enter
opens it on the timeline.

Drawn with the line API from cached strips: a whole model has hundreds of ops, and a
`DataTable` spends seconds measuring its cells before the first paint."""

from __future__ import annotations

from ir_studio.tui.messages import OpOpened, OpSelected
from ir_studio.tui.renderables.op_summary import COLUMNS, OpRow, op_rows, sort_rows
from ir_studio.tui.renderables.timeline import TimelineIndex
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

_WIDTHS = (34, 9, 8, 6, 8, 7, 8, 7, 6, 7, 5)
_HEADER = Style(bold=True, reverse=True)
_CURSOR = Style(bgcolor="grey30")


def _cells(values: tuple[str, ...]) -> str:
    out = []
    for n, (value, width) in enumerate(zip(values, _WIDTHS, strict=True)):
        text = value if len(value) <= width else "…" + value[-(width - 1) :]
        out.append(text.ljust(width) if n < 2 else text.rjust(width))
    return " ".join(out)


class OpTable(ScrollView, can_focus=True):
    """Rows keyed by the op's location name; `cursor` is the highlighted row."""

    BINDINGS = [
        Binding("s", "sort_by_time", "sort by time"),
        Binding("down", "move(1)", "down", show=False),
        Binding("up", "move(-1)", "up", show=False),
        Binding("pagedown", "move(10)", "page down", show=False),
        Binding("pageup", "move(-10)", "page up", show=False),
        Binding("enter", "open", "on the timeline", show=False),
    ]
    DEFAULT_CSS = "OpTable { height: 14; }"

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows_data: list[OpRow] = []
        self.shown: list[OpRow] = []
        self.total = 0.0
        self.by_time = True
        self.cursor = 0
        self._cache: dict[int, Strip] = {}

    def show(self, index: TimelineIndex) -> None:
        self.rows_data = op_rows(index.op_items)
        self.total = index.total
        self._fill()

    def _fill(self) -> None:
        self.shown = sort_rows(self.rows_data, self.by_time)
        self.cursor = 0
        self._cache.clear()
        self.virtual_size = Size(sum(_WIDTHS) + len(_WIDTHS), len(self.shown) + 1)
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def order(self) -> list[str]:
        """Location names in the order shown."""
        return [row.loc for row in self.shown]

    def action_sort_by_time(self) -> None:
        self.by_time = not self.by_time
        self._fill()

    def action_move(self, delta: int) -> None:
        if not self.shown:
            return
        self._cache.pop(self.cursor + 1, None)
        self.cursor = max(0, min(len(self.shown) - 1, self.cursor + delta))
        self._cache.pop(self.cursor + 1, None)
        top, height = self.scroll_offset.y, self.size.height - 1
        if not top <= self.cursor < top + height:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)
        self.refresh()
        self.post_message(OpSelected(self.shown[self.cursor].loc, "table"))

    def action_open(self) -> None:
        if self.shown:
            self.post_message(OpOpened(self.shown[self.cursor].loc, "timeline"))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            self.action_sort_by_time()
            return
        row = self.scroll_offset.y + event.y - 1
        if 0 <= row < len(self.shown):
            self.action_move(row - self.cursor)

    def _strip(self, row: int) -> Strip:
        cached = self._cache.get(row)
        if cached is None:
            if row == 0:
                order = "time ↓" if self.by_time else "program order"
                text, style = _cells(COLUMNS) + f"  ({order})", _HEADER
            else:
                data = self.shown[row - 1]
                text = _cells(data.cells(self.total))
                style = _CURSOR if row - 1 == self.cursor and self.has_focus else Style()
            cached = self._cache[row] = Strip([Segment(text, style)])
        return cached

    def on_focus(self) -> None:
        self._cache.pop(self.cursor + 1, None)
        self.refresh()

    def on_blur(self) -> None:
        self._cache.pop(self.cursor + 1, None)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = 0 if y == 0 else scroll_y + y
        width = self.size.width
        if row > len(self.shown):
            return Strip.blank(width)
        return self._strip(row).crop(scroll_x, scroll_x + width).extend_cell_length(width)
