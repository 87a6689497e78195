"""F16, W8A16 and W4A16 (and prefill next to decode) on one time scale: per run a GDMA row
where weight and scale loads are red, and a BDC row by kind, so the weight traffic that
quantisation removes is seen as a shorter red bar."""

from __future__ import annotations

import numpy as np
from ir_studio.tui.renderables.axis import axis_segments, format_time
from ir_studio.tui.renderables.palette import WEIGHT_COLOUR, kind_colour
from ir_studio.tui.renderables.timeline import TimelineIndex, Window, bar_row
from rich.segment import Segment
from rich.style import Style

LABEL = 30


def _gdma_colour(loc: str, kind: str) -> str:
    part = loc.split(":", 1)[1] if ":" in loc else ""
    return WEIGHT_COLOUR if kind == "load" and part in ("weight", "scales") else kind_colour(kind)


def compare_rows(runs: list[tuple[str, TimelineIndex]], width: int) -> list[list[Segment]]:
    """`runs` are (name, index) pairs; all share the scale of the longest."""
    cells = max(1, width - LABEL)
    longest = max((index.total for _, index in runs), default=0.0)
    window = Window.fit(0.0, longest or 1e-6, cells)
    edges = window.edges()
    out = [[Segment(" " * LABEL), *axis_segments(0.0, window.per_cell, cells)]]
    for name, index in runs:
        for engine, items, lane in (
            ("GDMA", index.gdma_items, index.gdma),
            ("BDC", index.bdc_items, index.bdc),
        ):
            frac = lane.fractions(edges)
            dom = lane.dominant(edges).tolist()
            picked = [items[d] if d >= 0 else None for d in dom]
            if engine == "GDMA":
                colours = [_gdma_colour(i.loc, i.kind) if i else None for i in picked]
                head = f"{name[:14]:<14}{format_time(index.total):>9}  {engine:<5}"
            else:
                colours = [kind_colour(i.kind) if i else None for i in picked]
                head = f"{'':<25}{engine:<5}"
            row = bar_row(frac, colours, [None] * cells, [None] * cells, half=engine == "BDC")
            out.append([Segment(head, Style(bold=engine == "GDMA")), *row])
    return out


def weight_share(index: TimelineIndex) -> float:
    """The fraction of GDMA busy time spent loading weights and scales."""
    busy = float(np.sum(index.gdma.ends - index.gdma.starts))
    weights = sum(
        i.end - i.start
        for i in index.gdma_items
        if i.kind == "load" and i.loc.split(":", 1)[-1] in ("weight", "scales")
    )
    return weights / busy if busy else 0.0
