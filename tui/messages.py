"""Every message of the terminal UI, in one place: results of the workers (posted from
their threads, handled on the UI loop) and the selections that widgets announce for the
app to route. Dataclass messages, as posting and toolong define theirs."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ir_studio.tui.model import Loaded, TpuRuns
from textual.message import Message
from textual.widget import Widget


@dataclass
class FileLoaded(Message):
    """The file is parsed and its pipeline has run (or failed: `loaded.error`)."""

    loaded: Loaded


@dataclass
class ExecutionChecked(Message):
    """Per step index: the program's output and its verdict against the step before."""

    outputs: dict[int, str]


@dataclass
class TimelinesReady(Message):
    """Every mode (and phase) of a TPU graph simulated and prepared for drawing."""

    runs: TpuRuns
    finished: float = field(default_factory=time.perf_counter)
    """When the worker finished (perf_counter), for benchmarks/tui.py."""


@dataclass
class OpSelected(Message):
    """An op (by its location name) was selected in `origin`: `ir`, `timeline` or
    `table`. The app makes the other views follow."""

    loc: str
    origin: str

    def can_replace(self, message: Message) -> bool:
        """Rapid cursor moves coalesce: only the last selection needs routing."""
        return isinstance(message, OpSelected) and message.origin == self.origin


@dataclass
class OpOpened(Message):
    """Go to an op in another tab: `target` is `ir` or `timeline`."""

    loc: str
    target: str


@dataclass
class InstrSelected(Message):
    """An instruction (by id in the simulation) was selected on the timeline."""

    index: int


@dataclass
class WindowMoved(Message):
    """The timeline was zoomed or panned (views that follow its window redraw)."""


@dataclass
class SourceLineChosen(Message):
    """Show 0-based `line` of the file in the Source tab (a diagnostic was chosen)."""

    line: int


@dataclass
class LineSelected(Message):
    """The cursor of a code view moved to shown line `index`; `text` is the full line
    (with its location, shown or not)."""

    view: Widget
    index: int
    text: str

    @property
    def control(self) -> Widget:
        return self.view


@dataclass
class LineChosen(Message):
    """Enter on a line of a code view: open what it names elsewhere."""

    view: Widget
    index: int
    text: str

    @property
    def control(self) -> Widget:
        return self.view
