"""A thin widget around a pure renderable that draws rows for a given width: its height
follows the rows, its strips are cached per width (the line API, as `Log` does)."""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

RowsFn = Callable[[int], list[list[Segment]]]


class RowsView(Widget):
    """Rows from `rows_for(width)`; `set_rows(None)` shows `empty` instead."""

    DEFAULT_CSS = "RowsView { height: auto; }"

    def __init__(
        self,
        empty: str = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.empty = empty
        self._rows_for: RowsFn | None = None
        self._cache: tuple[int, list[Strip]] | None = None

    def set_rows(self, rows_for: RowsFn | None, empty: str | None = None) -> None:
        self._rows_for = rows_for
        if empty is not None:
            self.empty = empty
        self._cache = None
        self.styles.height = len(self._strips(max(20, self.size.width or 120)))
        self.refresh(layout=True)

    def _strips(self, width: int) -> list[Strip]:
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        if self._rows_for is None:
            rows = [[Segment(line)] for line in self.empty.splitlines()] if self.empty else []
        else:
            rows = self._rows_for(width)
        strips = [Strip(row).crop(0, width).extend_cell_length(width) for row in rows]
        self._cache = (width, strips)
        return strips

    def text(self) -> str:
        """What the view shows, as plain text (for tests)."""
        return "\n".join(strip.text for strip in self._strips(max(20, self.size.width or 120)))

    def render_line(self, y: int) -> Strip:
        strips = self._strips(self.size.width)
        return strips[y] if y < len(strips) else Strip.blank(self.size.width)
