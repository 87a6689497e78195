"""The Diff tab's lines: a step's IR against the step before (the texts of one function
or of the module), unified or side by side, with or without locations (as the IR view
shows them)."""

from __future__ import annotations

from ir_studio.tui.renderables.ir_text import strip_locations

from ir_studio.ir_diff import side_by_side, unified_diff


def _shown(text: str, hide_locations: bool) -> str:
    if hide_locations:
        text = "\n".join(strip_locations(line) for line in text.splitlines())
    return text


def diff_lines(before: str, after: str, *, two_columns: bool, hide_locations: bool) -> list[str]:
    old, new = _shown(before, hide_locations), _shown(after, hide_locations)
    if two_columns:
        rows = side_by_side(old, new)
        width = max((len(r[1]) for r in rows), default=0)
        return [f"{tag}{left:<{width}} │ {right}" for tag, left, right in rows]
    return unified_diff(old, new) or ["(no change, ignoring SSA renumbering)"]
