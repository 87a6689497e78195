"""The Diff tab's lines: a step's IR against the step before, for one function or all,
unified or side by side, with or without locations (as the IR view shows them)."""

from __future__ import annotations

from ir_studio.tui.renderables.ir_text import strip_locations

from ir_studio.ir_diff import side_by_side, unified_diff
from ir_studio.session import filter_function


def _shown(text: str, function: str, hide_locations: bool) -> str:
    text = filter_function(text, function)
    if hide_locations:
        text = "\n".join(strip_locations(line) for line in text.splitlines())
    return text


def diff_lines(
    before: str, after: str, *, function: str, two_columns: bool, hide_locations: bool
) -> list[str]:
    old, new = _shown(before, function, hide_locations), _shown(after, function, hide_locations)
    if two_columns:
        rows = side_by_side(old, new)
        width = max((len(r[1]) for r in rows), default=0)
        return [f"{tag}{left:<{width}} │ {right}" for tag, left, right in rows]
    return unified_diff(old, new) or ["(no change, ignoring SSA renumbering)"]
