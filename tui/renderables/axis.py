"""A time axis for a window of `width` cells: "nice" tick steps (1, 2, 5 x 10^k) with
units, so the labels stay readable at every zoom."""

from __future__ import annotations

import math

from rich.segment import Segment
from rich.style import Style

_UNITS = [(1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
_AXIS = Style(color="grey62")


def format_time(seconds: float, step: float | None = None, reference: float | None = None) -> str:
    """`seconds` in the largest unit that keeps `reference` (default: the value) >= 1, with
    as many decimals as `step` needs to tell neighbouring ticks apart."""
    if seconds == 0 and not step:
        return "0"
    reference = abs(reference if reference is not None else seconds)
    scale, unit = next(((s, u) for s, u in _UNITS if reference >= s), _UNITS[-1])
    value = seconds / scale
    if step:
        decimals = max(0, -math.floor(math.log10(step / scale) + 1e-9))
    else:
        decimals = 0 if value >= 100 else (1 if value >= 10 else 2)
    return f"{value:.{decimals}f} {unit}"


def nice_step(span: float, ticks: int) -> float:
    """The smallest 1/2/5 x 10^k step that puts at most `ticks` ticks on `span`."""
    if span <= 0 or ticks <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def axis_segments(start: float, per_cell: float, width: int) -> list[Segment]:
    """One row: `┊` at each tick, its time (with units) after it when there is room."""
    if width <= 0:
        return []
    step = nice_step(per_cell * width, max(1, width // 12))
    cells = [" "] * width
    first = math.ceil(start / step - 1e-9)
    k = first
    while True:
        t = k * step
        x = round((t - start) / per_cell)
        if x >= width:
            break
        if x >= 0:
            label = format_time(t, step, max(abs(start + per_cell * width), step))
            if x + 1 + len(label) <= width and all(c == " " for c in cells[x : x + len(label) + 2]):
                cells[x] = "┊"
                cells[x + 1 : x + 1 + len(label)] = label
            else:
                cells[x] = "┊"
        k += 1
    return [Segment("".join(cells), _AXIS)]
