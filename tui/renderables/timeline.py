"""The simulated run drawn as rows of cells: a time axis with units, the op lane, GDMA and
BDC lanes coloured by op with a row coloured by kind under each, and a strip showing when
both engines are busy (overlap) and when both are idle (gaps).

`TimelineIndex` is built once per simulation (off the UI thread); `render_rows` then draws
any window of it with per-cell aggregation, so its cost depends on the width, not on the
number of instructions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from ir_studio.tui.renderables.axis import axis_segments
from ir_studio.tui.renderables.lanes import Lane, gaps, intersection
from ir_studio.tui.renderables.palette import KIND_COLOURS, kind_colour, op_colour
from rich.segment import Segment
from rich.style import Style

from ir_studio.tpu.kernels import Instr
from ir_studio.tpu.simulate import OpSummary, Timeline

GUTTER = 6
"""Cells left of the lanes for their names."""
ROW_NAMES = ["", "ops", "GDMA", " kind", "BDC", " kind", "both"]
_NAME = Style(bold=True)
_IDLE = Style(color="#ff5f5f")
_OVERLAP = "#5fd75f"


def op_key(instr: Instr) -> str:
    """The op an instruction belongs to: its location name without the `:tile` suffix."""
    return instr.loc.split(":", 1)[0]


def short_name(loc: str) -> str:
    """`layers.3.mlp.dense_h_to_4h` -> `3.dense_h_to_4h` (the layer and the last part)."""
    parts = loc.split(".")
    if len(parts) >= 3 and parts[0] == "layers" and parts[1].isdigit():
        return f"{parts[1]}.{parts[-1]}"
    return parts[-1]


def instr_label(instr: Instr) -> str:
    """What a load brings (`weight`, `scales`, `x`), else the kind (`store`, `matmul`):
    the kind row under the lane names loads as loads."""
    part = instr.loc.split(":", 1)[1] if ":" in instr.loc else ""
    return part if instr.kind in ("load", "move") and part else instr.kind


@dataclass
class TimelineIndex:
    """A simulation prepared for drawing: lanes per engine sorted by start, the overlap
    and idle intervals, the ops in time order."""

    timeline: Timeline
    gdma_items: list[Instr]
    bdc_items: list[Instr]
    gdma: Lane
    bdc: Lane
    ops: Lane
    op_items: list[OpSummary]
    both: Lane
    idle: Lane
    op_types: list[str] = field(default_factory=list)
    """Op types present, the most time first (the legend's order)."""
    _by_loc: dict[str, OpSummary] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, timeline: Timeline) -> TimelineIndex:
        gdma = sorted((i for i in timeline.instrs if i.engine == "GDMA"), key=lambda i: i.start)
        bdc = sorted((i for i in timeline.instrs if i.engine == "BDC"), key=lambda i: i.start)
        ops = sorted(timeline.ops, key=lambda o: o.start)
        g = Lane.of([(i.start, i.end) for i in gdma])
        b = Lane.of([(i.start, i.end) for i in bdc])
        types = sorted(
            {o.op for o in ops}, key=lambda t: -sum(x.end - x.start for x in ops if x.op == t)
        )
        return cls(
            timeline,
            gdma,
            bdc,
            g,
            b,
            Lane.of([(o.start, o.end) for o in ops]),
            ops,
            intersection(g, b),
            gaps(g, b, timeline.total_s),
            types,
        )

    @property
    def total(self) -> float:
        return self.timeline.total_s

    def op_named(self, loc: str) -> OpSummary | None:
        if not self._by_loc:
            self._by_loc.update((o.loc, o) for o in self.op_items)
        return self._by_loc.get(loc)

    def instrs_of(self, loc: str) -> list[Instr]:
        """An op's instructions in program order."""
        return [i for i in self.timeline.instrs if op_key(i) == loc]


@dataclass(frozen=True)
class Window:
    """`width` cells from `start`, `per_cell` seconds each."""

    start: float
    per_cell: float
    width: int

    @property
    def end(self) -> float:
        return self.start + self.per_cell * self.width

    def edges(self) -> np.ndarray:
        return self.start + self.per_cell * np.arange(self.width + 1, dtype=np.float64)

    @classmethod
    def fit(cls, start: float, end: float, width: int) -> Window:
        width = max(1, width)
        return cls(start, max((end - start) / width, 1e-12), width)


def _runs(keys: Sequence[object]) -> list[tuple[int, int]]:
    """[start, stop) of each run of equal, non-None keys."""
    runs: list[tuple[int, int]] = []
    x = 0
    while x < len(keys):
        if keys[x] is None:
            x += 1
            continue
        y = x
        while y < len(keys) and keys[y] == keys[x]:
            y += 1
        runs.append((x, y))
        x = y
    return runs


def bar_row(
    fractions: np.ndarray,
    colours: list[str | None],
    run_keys: Sequence[object],
    labels: Sequence[str | None],
    *,
    marked: list[bool] | None = None,
    half: bool = False,
    fallback: tuple[Sequence[object], Sequence[str | None]] | None = None,
) -> list[Segment]:
    """Cells: a solid block where the lane is busy half the cell or more (a shade below);
    a run of cells of one key carries its label inside when it fits, else a run of the
    `fallback` keys (coarser: the op rather than the instruction) carries its label."""
    width = len(colours)
    chars: list[str] = []
    styles: list[Style] = []
    for x in range(width):
        colour, f = colours[x], float(fractions[x])
        if colour is None or f <= 0.0:
            chars.append(" ")
            styles.append(Style())
            continue
        bold = bool(marked and marked[x])
        if half:
            chars.append("▀" if f >= 0.5 else "▔")
            styles.append(Style(color=colour, bold=bold))
        elif f >= 0.5:
            chars.append("▓" if bold else "█")
            styles.append(Style(color=colour, bgcolor="grey85" if bold else None))
        else:
            chars.append("▒" if f >= 0.2 else "░")
            styles.append(Style(color=colour, bold=bold))
    labelled = [False] * width
    layers = [(run_keys, labels)] + ([fallback] if fallback is not None else [])
    for keys, texts in layers:
        for a, b in _runs(keys):
            label = texts[a]
            if (
                not label
                or b - a < len(label) + 1
                or any(labelled[x] or float(fractions[x]) < 0.5 for x in range(a, b))
            ):
                continue
            for x in range(a, b):
                labelled[x] = True
            for k, ch in enumerate(label[: b - a - 1], start=a):
                chars[k] = ch
                if half:
                    styles[k] = Style(color=colours[k], bold=True)
                else:
                    bold = bool(marked and marked[k])
                    styles[k] = Style(bgcolor=colours[k], color="black", bold=bold, underline=bold)
    return _join(chars, styles)


def _join(chars: list[str], styles: list[Style]) -> list[Segment]:
    """Neighbouring cells of one style become one segment."""
    segments: list[Segment] = []
    x = 0
    while x < len(chars):
        y = x
        while y < len(chars) and styles[y] == styles[x]:
            y += 1
        segments.append(Segment("".join(chars[x:y]), styles[x]))
        x = y
    return segments


def _engine_rows(
    items: list[Instr],
    lane: Lane,
    edges: np.ndarray,
    selected: str | None,
) -> tuple[list[Segment], list[Segment]]:
    """An engine's op-coloured row and its kind-coloured row."""
    frac = lane.fractions(edges)
    dom = lane.dominant(edges).tolist()
    picked = [items[d] if d >= 0 else None for d in dom]
    op_keys = [op_key(i) if i is not None else None for i in picked]
    instr_ids: list[object] = [i.id if i is not None else None for i in picked]
    marked = [k is not None and k == selected for k in op_keys]
    op_row = bar_row(
        frac,
        [op_colour(i.op) if i is not None else None for i in picked],
        instr_ids,
        [instr_label(i) if i is not None else None for i in picked],
        marked=marked,
        fallback=(list(op_keys), [short_name(k) if k else None for k in op_keys]),
    )
    kinds = [i.kind if i is not None else None for i in picked]
    kind_row = bar_row(
        frac,
        [kind_colour(k) if k is not None else None for k in kinds],
        list(kinds),
        list(kinds),
        half=True,
    )
    return op_row, kind_row


def _op_row(index: TimelineIndex, edges: np.ndarray, selected: str | None) -> list[Segment]:
    dom = index.ops.dominant(edges).tolist()
    picked = [index.op_items[d] if d >= 0 else None for d in dom]
    keys = [o.loc if o is not None else None for o in picked]
    full = np.array([1.0 if o is not None else 0.0 for o in picked])
    layers = [layer_of(k) if k is not None else None for k in keys]
    return bar_row(
        full,
        [op_colour(o.op) if o is not None else None for o in picked],
        keys,
        [short_name(o.loc) if o is not None else None for o in picked],
        marked=[k is not None and k == selected for k in keys],
        fallback=(layers, [layer_label(k) if k is not None else None for k in layers]),
    )


def layer_of(loc: str) -> str:
    """`layers.3.mlp.dense_h_to_4h` -> `layers.3`; an op outside the blocks is its own."""
    parts = loc.split(".")
    return ".".join(parts[:2]) if len(parts) >= 3 and parts[0] == "layers" else loc


def layer_label(key: str) -> str:
    """`layers.3` -> `L3` (zoomed out, a whole model's blocks are named by number)."""
    parts = key.split(".")
    if len(parts) == 2 and parts[0] == "layers" and parts[1].isdigit():
        return f"L{parts[1]}"
    return short_name(key)


def _both_row(index: TimelineIndex, edges: np.ndarray) -> list[Segment]:
    """Green where both engines work at once, red dots where both wait."""
    both = index.both.fractions(edges)
    idle = index.idle.fractions(edges)
    chars: list[str] = []
    styles: list[Style] = []
    for x in range(len(both)):
        if both[x] >= 0.5:
            chars.append("█")
            styles.append(Style(color=_OVERLAP))
        elif both[x] > 0:
            chars.append("▄" if both[x] >= 0.2 else "▁")
            styles.append(Style(color=_OVERLAP))
        elif idle[x] >= 0.5:
            chars.append("·")
            styles.append(_IDLE)
        else:
            chars.append(" ")
            styles.append(Style())
    return _join(chars, styles)


def render_rows(
    index: TimelineIndex, window: Window, selected: str | None = None
) -> list[list[Segment]]:
    """Rows in `ROW_NAMES` order, each `GUTTER + window.width` cells."""
    edges = window.edges()
    gdma, gdma_kind = _engine_rows(index.gdma_items, index.gdma, edges, selected)
    bdc, bdc_kind = _engine_rows(index.bdc_items, index.bdc, edges, selected)
    body = [
        axis_segments(window.start, window.per_cell, window.width),
        _op_row(index, edges, selected),
        gdma,
        gdma_kind,
        bdc,
        bdc_kind,
        _both_row(index, edges),
    ]
    return [
        [Segment(f"{name:<{GUTTER}}"[:GUTTER], _NAME), *row]
        for name, row in zip(ROW_NAMES, body, strict=True)
    ]


def plain(rows: list[list[Segment]]) -> list[str]:
    """The text of rendered rows (for tests and the terminal check)."""
    return ["".join(s.text for s in row) for row in rows]


LegendFn = Callable[[TimelineIndex], list[tuple[str, str]]]


def op_legend(index: TimelineIndex) -> list[tuple[str, str]]:
    return [(t.split(".", 1)[-1], op_colour(t)) for t in index.op_types]


def kind_legend(index: TimelineIndex) -> list[tuple[str, str]]:
    present = {i.kind for i in index.timeline.instrs}
    return [(k, c) for k, c in KIND_COLOURS.items() if k in present]
