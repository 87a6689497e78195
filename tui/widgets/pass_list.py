"""The pass list: one option per step (• changed, ✗ failed, time per pass, op-count
growth), filtered by the search text and by "hide unchanged"."""

from __future__ import annotations

from ir_studio.tui.model import StepView
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def visible_steps(steps: list[StepView], hide_unchanged: bool, query: str) -> list[StepView]:
    query = query.strip().lower()
    return [
        s
        for s in steps
        if (not hide_unchanged or s.changed or s.index == 0)
        and (not query or query in s.name.lower())
    ]


def step_label(step: StepView, show_timings: bool) -> str:
    mark = "✗" if step.error else ("•" if step.changed else " ")
    timing = f" {step.seconds * 1e3:6.1f}ms" if show_timings else ""
    grown = sum(v for v in step.op_delta.values() if v > 0)
    shrunk = -sum(v for v in step.op_delta.values() if v < 0)
    ops = f" +{grown}/-{shrunk}" if grown or shrunk else ""
    return f"{mark} {step.index:2d} {step.name[:20]:<20}{timing}{ops}"


class PassList(OptionList):
    """Options keyed by step index."""

    def fill(self, steps: list[StepView], show_timings: bool) -> None:
        self.clear_options()
        for step in steps:
            self.add_option(Option(step_label(step, show_timings), id=str(step.index)))

    def point_at(self, index: int) -> None:
        for i in range(self.option_count):
            if self.get_option_at_index(i).id == str(index):
                self.highlighted = i
