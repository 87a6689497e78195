"""A `tpu.A16MatMul` as its five steps in the two halves of local memory: while BDC casts,
scales and multiplies tile i in one half, GDMA loads tile i+1 (INT8/INT4 weights and
scales) into the other. Each half gets a row, so the alternation is what one sees.

Tiles are recovered from the instruction dependencies the kernel model records: a tile's
first compute waits on that tile's loads; its later computes and its store chain on it."""

from __future__ import annotations

from dataclasses import dataclass

from ir_studio.tui.renderables.axis import axis_segments
from ir_studio.tui.renderables.timeline import Window, _join
from rich.segment import Segment
from rich.style import Style

from ir_studio.tpu.kernels import Instr

GUTTER = 8

STEPS = [
    ("1 load activation", "#3a78d8"),
    ("2 load int weights + scales", "#d75f5f"),
    ("3 cast", "#e0c020"),
    ("4 scale", "#e08a20"),
    ("5 matmul", "#30b050"),
    ("5 store", "#b05fd0"),
]


def step_of(instr: Instr) -> int:
    """Index into `STEPS`."""
    part = instr.loc.split(":", 1)[1] if ":" in instr.loc else ""
    if instr.kind == "load":
        return 1 if part in ("weight", "scales") else 0
    return {"cast": 2, "scale": 3, "matmul": 4, "store": 5}.get(instr.kind, 4)


@dataclass(frozen=True)
class Tiled:
    instr: Instr
    tile: int | None
    """None: resident for the whole op (the activation when it fits)."""


def assign_tiles(instrs: list[Instr]) -> list[Tiled]:
    """Each instruction of one op with its tile (program order in, same order out)."""
    by_id = {i.id: i for i in instrs}
    tile_of: dict[int, int] = {}
    resident: set[int] = set()
    count = 0
    for instr in instrs:
        if instr.engine != "BDC" and instr.kind != "store":
            continue
        mine = [d for d in instr.deps if d in by_id]
        chained = [d for d in mine if by_id[d].engine == "BDC"]
        if instr.kind == "store" or chained:
            tile_of[instr.id] = tile_of.get(mine[0], count - 1) if mine else count - 1
            continue
        tile_of[instr.id] = count
        for d in mine:
            if d in tile_of and tile_of[d] != count:
                resident.add(d)
            else:
                tile_of[d] = count
        count += 1
    return [
        Tiled(i, None if i.id in resident or i.id not in tile_of else tile_of[i.id]) for i in instrs
    ]


def pingpong_rows(instrs: list[Instr], window: Window) -> list[list[Segment]]:
    """Axis, half A (even tiles), half B (odd tiles), resident; labels like `w3`, `mm3`."""
    tiled = assign_tiles(instrs)
    rows: dict[str, list[tuple[float, float, int, str]]] = {"half A": [], "half B": [], "res": []}
    for t in tiled:
        step = step_of(t.instr)
        short = ["x", "w", "cast", "scale", "mm", "st"][step]
        if t.tile is None:
            rows["res"].append((t.instr.start, t.instr.end, step, short))
        else:
            name = "half A" if t.tile % 2 == 0 else "half B"
            rows[name].append((t.instr.start, t.instr.end, step, f"{short}{t.tile}"))
    out = [[Segment(" " * GUTTER), *axis_segments(window.start, window.per_cell, window.width)]]
    for name, items in rows.items():
        chars = [" "] * window.width
        styles = [Style()] * window.width
        owner: list[int] = [-1] * window.width
        for n, (a, b, step, _) in enumerate(items):
            x0 = int((a - window.start) / window.per_cell)
            x1 = max(x0 + 1, int((b - window.start) / window.per_cell))
            x0, x1 = max(0, x0), min(window.width, x1)
            for x in range(x0, x1):
                chars[x], owner[x] = "█", n
                styles[x] = Style(color=STEPS[step][1])
        for n, (_, _, step, label) in enumerate(items):
            cells = [x for x in range(window.width) if owner[x] == n]
            if cells and len(cells) > len(label):
                for k, ch in enumerate(label, start=cells[0]):
                    chars[k] = ch
                    styles[k] = Style(bgcolor=STEPS[step][1], color="black")
        out.append([Segment(f"{name:<{GUTTER}}"[:GUTTER], Style(bold=True)), *_join(chars, styles)])
    return out
