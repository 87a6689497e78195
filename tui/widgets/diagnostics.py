"""The Diagnostics tab: one row per problem of the loaded file (line, column, severity,
message); enter on a row posts `SourceLineChosen` so the app shows that line."""

from __future__ import annotations

from ir_studio.tui.messages import SourceLineChosen
from ir_studio.tui.model import LoadedFile
from textual.widgets import DataTable


class DiagnosticsTable(DataTable[object]):
    """Rows of `LoadedFile.diagnostics`, 1-based as editors show them."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, cursor_type="row")

    def on_mount(self) -> None:
        self.add_columns("line", "col", "severity", "message")

    def show(self, loaded: LoadedFile) -> None:
        self.clear()
        for d in loaded.diagnostics:
            pos = loaded.lines.position(d.span.start)
            self.add_row(pos.line + 1, pos.column + 1, d.severity.label, d.message)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        line = int(str(self.get_row_at(event.cursor_row)[0])) - 1
        self.post_message(SourceLineChosen(line))
