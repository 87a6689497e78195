"""Colours of the timeline: one per op type (a legend names them) and one per kind of
instruction, fixed so that the same op looks the same in every mode and phase."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style

OP_COLOURS = {
    "A16MatMul": "#d75f5f",
    "MatMul": "#ff8787",
    "RMSNorm": "#d7af00",
    "Softmax": "#af87ff",
    "Rope": "#5fafff",
    "Concat": "#00afaf",
    "Slice": "#87af87",
    "Permute": "#5f8787",
    "Reshape": "#808080",
    "Add": "#d787af",
    "Sub": "#d787d7",
    "Mul": "#ffaf5f",
    "MulConst": "#ffd787",
    "SiLU": "#87d75f",
    "Cast": "#afafaf",
    "Gather": "#5fd7af",
    "TopK": "#ff5fd7",
}
_FALLBACK = ["#af5f5f", "#5f5faf", "#5faf5f", "#af5faf", "#afaf5f", "#5fafaf"]

KIND_COLOURS = {
    "load": "#3a78d8",
    "move": "#6f9fe8",
    "store": "#b05fd0",
    "cast": "#e0c020",
    "scale": "#e08a20",
    "matmul": "#30b050",
    "vector": "#20b0b0",
}
KIND_LETTERS = {
    "load": "L",
    "move": "M",
    "store": "S",
    "cast": "c",
    "scale": "s",
    "matmul": "m",
    "vector": "v",
}
WEIGHT_COLOUR = "#e05050"
"""Loads of weights and scales in the comparison: the traffic quantisation cuts."""


def op_type(name: str) -> str:
    """`tpu.A16MatMul` -> `A16MatMul`."""
    return name.split(".", 1)[-1]


def op_colour(name: str) -> str:
    kind = op_type(name)
    colour = OP_COLOURS.get(kind)
    if colour is None:
        colour = _FALLBACK[sum(map(ord, kind)) % len(_FALLBACK)]
    return colour


def kind_colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, "#808080")


def legend(pairs: list[tuple[str, str]], width: int) -> list[list[Segment]]:
    """`██ name` entries wrapped to `width` cells."""
    lines: list[list[Segment]] = [[]]
    used = 0
    for name, colour in pairs:
        cost = len(name) + 4
        if used and used + cost > width:
            lines.append([])
            used = 0
        lines[-1] += [Segment("██", Style(color=colour)), Segment(f" {name}  ")]
        used += cost
    return lines
