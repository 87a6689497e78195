"""A scrolling code view on Textual's line API: only visible lines are highlighted
(with the project's Pygments lexers), so a 20,000-line IR opens and scrolls at once.
An IR view can hide `loc(...)` as mlir-opt does by default; the lines it keeps (and
reports in `LineSelected`) still carry them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from ir_studio.tui.messages import LineChosen, LineSelected
from ir_studio.tui.renderables.ir_text import is_location_alias, strip_locations
from pygments.lexer import Lexer
from pygments.token import Token, _TokenType
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

_STYLES = {
    Token.Comment: Style(color="grey50", italic=True),
    Token.String: Style(color="green"),
    Token.Name.Variable: Style(color="cyan"),
    Token.Name.Label: Style(color="magenta"),
    Token.Name.Function: Style(color="yellow"),
    Token.Name.Constant: Style(color="bright_blue"),
    Token.Name.Class: Style(color="bright_blue"),
    Token.Name.Builtin: Style(color="bright_white", bold=True),
    Token.Keyword: Style(color="bright_magenta"),
    Token.Keyword.Type: Style(color="bright_green"),
    Token.Number: Style(color="bright_yellow"),
}
DIFF_STYLES = {
    "+": Style(color="green"),
    "-": Style(color="red"),
    "@": Style(color="cyan"),
    "~": Style(color="yellow"),
}


def _style(token: _TokenType | None) -> Style | None:
    while token is not None:
        style = _STYLES.get(token)
        if style is not None:
            return style
        token = token.parent
    return None


class CodeView(ScrollView, can_focus=True):
    """Read-only lines, highlighted lazily; up/down move a cursor line (`highlighted`)
    and post `LineSelected` with the full line (locations included); enter posts
    `LineChosen`.

    `lines` are the lines shown, `source_lines` the lines given; with `hide_locations`
    the `loc(...)` of each line and `#loc` alias definitions are not shown.
    """

    BINDINGS = [
        Binding("down", "move(1)", "down", show=False),
        Binding("up", "move(-1)", "up", show=False),
        Binding("pagedown", "move(20)", "page down", show=False),
        Binding("pageup", "move(-20)", "page up", show=False),
        Binding("enter", "choose", "open", show=False),
    ]
    DEFAULT_CSS = "CodeView { background: $surface; }"
    highlighted: reactive[int | None] = reactive(None)

    def action_move(self, delta: int) -> None:
        if not self.lines:
            return
        current = self.highlighted if self.highlighted is not None else -1
        self.highlighted = max(0, min(len(self.lines) - 1, current + delta))
        self.post_message(LineSelected(self, self.highlighted, self.full_line(self.highlighted)))

    def action_choose(self) -> None:
        if self.highlighted is not None and self.lines:
            self.post_message(LineChosen(self, self.highlighted, self.full_line(self.highlighted)))

    def __init__(
        self,
        lexer: Lexer | None = None,
        *,
        diff: bool = False,
        hide_locations: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.lexer = lexer
        self.diff = diff
        self.hide_locations = hide_locations
        self.lines: Sequence[str] = []
        self.source_lines: list[str] = []
        self._origin: list[int] = []
        self._cache: dict[int, Strip] = {}

    def source_index(self, index: int) -> int:
        """The given line behind shown line `index`."""
        return self._origin[index] if self._origin else index

    def full_line(self, index: int) -> str:
        """The given line behind shown line `index` (with its location)."""
        return self.source_lines[self._origin[index]] if self._origin else self.lines[index]

    def shown_index(self, source_index: int) -> int | None:
        """The shown line of given line `source_index`."""
        if not self._origin:
            return source_index if source_index < len(self.lines) else None
        from bisect import bisect_left

        at = bisect_left(self._origin, source_index)
        return at if at < len(self._origin) and self._origin[at] == source_index else None

    def toggle_locations(self) -> None:
        highlighted = self.highlighted
        source = self._origin[highlighted] if highlighted is not None and self._origin else None
        self.hide_locations = not self.hide_locations
        self.set_lines(self.source_lines)
        if source is not None:
            self.highlighted = self.shown_index(source)

    def set_lines(self, lines: list[str], lexer: Lexer | None = None) -> None:
        self.source_lines = lines
        if self.hide_locations:
            self._origin = [
                n
                for n, line in enumerate(lines)
                if not _maybe_alias(line) or not is_location_alias(line)
            ]
            self.lines = _Stripped(lines, self._origin)
        else:
            self._origin = []
            self.lines = lines
        self.highlighted = None
        if lexer is not None:
            self.lexer = lexer
        self._cache.clear()
        width = max((_shown_width(line, self.hide_locations) for line in lines[:5000]), default=0)
        width += 8
        self.virtual_size = Size(width, len(self.lines))
        self.refresh()

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if old is not None:
            self._cache.pop(old, None)
        if new is not None:
            self._cache.pop(new, None)
            top = self.scroll_offset.y
            if not top <= new < top + self.size.height:
                self.scroll_to(y=max(0, new - self.size.height // 2), animate=False)
        self.refresh()

    def _strip(self, index: int) -> Strip:
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        line = self.lines[index]
        number = Segment(f"{index + 1:>6} ", Style(color="grey42"))
        segments = [number]
        if self.diff and line[:1] in DIFF_STYLES:
            segments.append(Segment(line, DIFF_STYLES[line[0]]))
        elif self.lexer is not None:
            for token, text in self.lexer.get_tokens(line):
                if text == "\n":
                    continue
                segments.append(Segment(text, _style(token)))
        else:
            segments.append(Segment(line))
        strip = Strip(segments)
        if index == self.highlighted:
            strip = strip.apply_style(Style(bgcolor="grey23"))
        if len(self._cache) > 4000:
            self._cache.clear()
        self._cache[index] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index >= len(self.lines):
            return Strip.blank(self.size.width)
        return (
            self._strip(index)
            .crop(scroll_x, scroll_x + self.size.width)
            .extend_cell_length(self.size.width)
        )


def _shown_width(line: str, hide_locations: bool) -> int:
    """The width of a line as shown, without stripping it (a trailing location is cut)."""
    if hide_locations:
        at = line.rfind(" loc(")
        if at >= 0 and line.endswith(")"):
            return at
    return len(line)


def _maybe_alias(line: str) -> bool:
    return line.startswith("#loc")


class _Stripped(Sequence[str]):
    """The shown lines of a view that hides locations, stripped when first read (a step
    switch on a 20,000-line IR strips only what is on screen)."""

    def __init__(self, lines: list[str], origin: list[int]) -> None:
        self._lines = lines
        self._origin = origin
        self._done: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._origin)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self._origin)))]
        if index < 0:
            index += len(self._origin)
        shown = self._done.get(index)
        if shown is None:
            shown = self._done[index] = strip_locations(self._lines[self._origin[index]])
        return shown

    def __iter__(self) -> Iterator[str]:
        return (self[n] for n in range(len(self._origin)))
