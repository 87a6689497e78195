"""A scrolling code view on Textual's line API: only visible lines are highlighted
(with the project's Pygments lexers), so a 20,000-line IR opens and scrolls at once."""

from __future__ import annotations

from pygments.lexer import Lexer
from pygments.token import Token, _TokenType
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
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
    and post `LineSelected`."""

    BINDINGS = [
        Binding("down", "move(1)", "down", show=False),
        Binding("up", "move(-1)", "up", show=False),
        Binding("pagedown", "move(20)", "page down", show=False),
        Binding("pageup", "move(-20)", "page up", show=False),
    ]
    DEFAULT_CSS = "CodeView { background: $surface; }"
    highlighted: reactive[int | None] = reactive(None)

    class LineSelected(Message):
        def __init__(self, view: CodeView, index: int, text: str) -> None:
            super().__init__()
            self.view = view
            self.index = index
            self.text = text

        @property
        def control(self) -> CodeView:
            return self.view

    def action_move(self, delta: int) -> None:
        if not self.lines:
            return
        current = self.highlighted if self.highlighted is not None else -1
        self.highlighted = max(0, min(len(self.lines) - 1, current + delta))
        self.post_message(self.LineSelected(self, self.highlighted, self.lines[self.highlighted]))

    def __init__(self, lexer: Lexer | None = None, *, diff: bool = False, **kw: object) -> None:
        super().__init__(**kw)  # pyright: ignore[reportArgumentType]  # forwards Textual's widget keywords (name, id, classes, ...)
        self.lexer = lexer
        self.diff = diff
        self.lines: list[str] = []
        self._cache: dict[int, Strip] = {}

    def set_lines(self, lines: list[str], lexer: Lexer | None = None) -> None:
        self.lines = lines
        self.highlighted = None
        if lexer is not None:
            self.lexer = lexer
        self._cache.clear()
        width = max((len(line) for line in lines[:5000]), default=0) + 8
        self.virtual_size = Size(width, len(lines))
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
