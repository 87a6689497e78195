"""The per-op summary of a simulated run: one row per op with its time, bytes, FLOPs,
achieved bandwidth and FLOP rate and its bounding engine; `s` (or a click on a header)
sorts by time and back to program order; enter opens the op on the timeline."""

from __future__ import annotations

from ir_studio.tui.messages import OpOpened, OpSelected
from ir_studio.tui.renderables.op_summary import COLUMNS, OpRow, op_rows, sort_rows
from ir_studio.tui.renderables.timeline import TimelineIndex
from textual.binding import Binding
from textual.widgets import DataTable


class OpTable(DataTable[str]):
    """Rows keyed by the op's location name."""

    BINDINGS = [Binding("s", "sort_by_time", "sort by time")]
    DEFAULT_CSS = "OpTable { height: 14; }"

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, cursor_type="row")
        self.rows_data: list[OpRow] = []
        self.total = 0.0
        self.by_time = True

    def on_mount(self) -> None:
        self.add_columns(*COLUMNS)

    def show(self, index: TimelineIndex) -> None:
        self.rows_data = op_rows(index.op_items)
        self.total = index.total
        self._fill()

    def _fill(self) -> None:
        self.clear()
        for row in sort_rows(self.rows_data, self.by_time):
            self.add_row(*row.cells(self.total), key=row.loc)

    def order(self) -> list[str]:
        """Location names in the order shown."""
        return [str(self.get_row_at(n)[0]) for n in range(self.row_count)]

    def action_sort_by_time(self) -> None:
        self.by_time = not self.by_time
        self._fill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.action_sort_by_time()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if self.has_focus and event.row_key.value is not None:  # not when (re)filled
            self.post_message(OpSelected(event.row_key.value, "table"))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(OpOpened(event.row_key.value, "timeline"))
