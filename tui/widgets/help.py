"""The help screen. `KEYS` is what it lists: each entry names the action it runs and
where it is bound, so a test can check that every key the help promises works."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static


@dataclass(frozen=True)
class Key:
    keys: str
    """As shown."""
    what: str
    bound: tuple[str, ...]
    """The key names bound (Textual's names), each must run an action."""
    where: str
    """`app` or the widget class that binds it."""


KEYS = [
    Key("n / p", "next / previous pass", ("n", "p"), "app"),
    Key("u", "hide passes that changed nothing", ("u",), "app"),
    Key("d", "diff: unified / side by side", ("d",), "app"),
    Key("/", "search passes", ("slash",), "app"),
    Key("f", "filter a function", ("f",), "app"),
    Key("e", "edit the pipeline (enter re-runs)", ("e",), "app"),
    Key("c", "copy the pipeline as an ir-studio lower command", ("c",), "app"),
    Key("l", "IR: show / hide loc(...)", ("l",), "app"),
    Key("enter", "IR: show the op on the timeline", ("enter",), "CodeView"),
    Key("t", "TPU timeline (top/tpu files)", ("t",), "app"),
    Key("x", "export the timeline as a Chrome trace", ("x",), "app"),
    Key("m / o", "timeline: next mode / other phase", ("m", "o"), "TimelinePane"),
    Key("+ / -", "timeline zoom", ("plus", "minus"), "TimelineView"),
    Key("left / right", "timeline pan", ("left", "right"), "TimelineView"),
    Key("0", "timeline: fit the whole run", ("0",), "TimelineView"),
    Key(", / .", "previous / next instruction", ("comma", "full_stop"), "TimelineView"),
    Key(
        "[ / ]",
        "previous / next op",
        ("left_square_bracket", "right_square_bracket"),
        "TimelineView",
    ),
    Key("enter", "timeline: show the op in the IR", ("enter",), "TimelineView"),
    Key("s", "op table: sort by time / program order", ("s",), "OpTable"),
    Key("?", "this help", ("question_mark",), "app"),
    Key("q", "quit", ("q",), "app"),
]


def bound_keys(bindings: list[Binding | tuple[str, ...]]) -> dict[str, str]:
    """Key name -> action of a BINDINGS list."""
    out: dict[str, str] = {}
    for binding in bindings:
        if isinstance(binding, Binding):
            keys, action = binding.key, binding.action
        else:
            keys, action = binding[0], binding[1]
        for key in keys.split(","):
            out[key.strip()] = action
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: 72; border: round $accent; padding: 1 2; background: $panel; }
    """

    def compose(self) -> ComposeResult:
        rows = "\n".join(f"[b]{k.keys:<14}[/b] {k.what}" for k in KEYS)
        yield Static(f"[b]ir-studio keys[/b]\n\n{rows}", id="help", markup=True)
