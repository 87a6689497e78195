"""The simulated TPU timeline: GDMA and BDC lanes and an op row, zoom and pan with keys
(and the mouse wheel), the selected instruction's details."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ir_studio.tpu.simulate import Timeline

_PALETTE = [
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "bright_red",
    "bright_green",
    "bright_yellow",
    "bright_blue",
    "bright_magenta",
    "bright_cyan",
]


def colour_of(name: str) -> str:
    """Equal op types share a colour (the vendor profiler hashes the type name too)."""
    return _PALETTE[sum(map(ord, name)) % len(_PALETTE)]


class TimelineView(Widget, can_focus=True):
    """Rows: GDMA, BDC, ops. `zoom` is seconds per cell; `start` the left edge."""

    BINDINGS = [
        Binding("plus,equals_sign", "zoom(0.5)", "zoom in"),
        Binding("minus", "zoom(2)", "zoom out"),
        Binding("left", "pan(-0.25)", "pan left", show=False),
        Binding("right", "pan(0.25)", "pan right", show=False),
        Binding("comma", "select(-1)", "previous instr"),
        Binding("full_stop", "select(1)", "next instr"),
    ]
    DEFAULT_CSS = "TimelineView { height: 5; }"
    zoom: reactive[float] = reactive(1e-6)
    start: reactive[float] = reactive(0.0)
    selected: reactive[int] = reactive(0)

    class Selected(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kw: object) -> None:
        super().__init__(**kw)  # pyright: ignore[reportArgumentType]  # forwards Textual's widget keywords (name, id, classes, ...)
        self.timeline: Timeline | None = None

    def show(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.start = 0.0
        width = max(10, self.size.width - 6)
        self.zoom = max(timeline.total_s / width, 1e-9)
        self.selected = 0
        self.refresh()

    def action_zoom(self, factor: float) -> None:
        self.zoom = max(1e-9, self.zoom * factor)
        self.refresh()

    def action_pan(self, fraction: float) -> None:
        self.start = max(0.0, self.start + fraction * self.zoom * self.size.width)
        self.refresh()

    def action_select(self, step: int) -> None:
        if self.timeline is None or not self.timeline.instrs:
            return
        self.selected = (self.selected + step) % len(self.timeline.instrs)
        instr = self.timeline.instrs[self.selected]
        if not self.start <= instr.start <= self.start + self.zoom * self.size.width:
            self.start = max(0.0, instr.start - self.zoom * self.size.width / 4)
        self.post_message(self.Selected(self.selected))
        self.refresh()

    def on_mouse_down(self, event: object) -> None:
        self._drag_x = getattr(event, "x", 0)
        self.capture_mouse()

    def on_mouse_up(self, event: object) -> None:
        self._drag_x = None
        self.release_mouse()

    def on_mouse_move(self, event: object) -> None:
        """Drag to pan."""
        last = getattr(self, "_drag_x", None)
        if last is None or not getattr(event, "button", 0):
            return
        x = getattr(event, "x", last)
        self.start = max(0.0, self.start - (x - last) * self.zoom)
        self._drag_x = x
        self.refresh()

    def on_mouse_scroll_up(self) -> None:
        self.action_zoom(0.8)

    def on_mouse_scroll_down(self) -> None:
        self.action_zoom(1.25)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        labels = ["GDMA ", "BDC  ", "ops  ", "", ""]
        if self.timeline is None or y > 2:
            return Strip([Segment(" " * width)])
        cells: list[tuple[str, Style | None]] = [(" ", None)] * max(0, width - 5)
        engine = ("GDMA", "BDC", "ops")[y]
        items = (
            self.timeline.ops
            if engine == "ops"
            else [i for i in self.timeline.instrs if i.engine == engine]
        )
        end_time = self.start + self.zoom * len(cells)
        for item in items:
            if item.end < self.start or item.start > end_time:
                continue
            a = int((item.start - self.start) / self.zoom)
            b = max(a + 1, int((item.end - self.start) / self.zoom))
            name = item.op if engine != "ops" else item.loc
            selected = engine != "ops" and item is self.timeline.instrs[self.selected]
            style = Style(
                color="white" if selected else colour_of(name.split(".")[-1]), bold=selected
            )
            for x in range(max(0, a), min(len(cells), b)):
                cells[x] = ("▓" if selected else "█", style)
        segments = [Segment(labels[y], Style(bold=True))]
        segments += [Segment(char, style) for char, style in cells]
        return Strip(segments)
