"""The ir-studio terminal UI: a pass list, the IR after the selected step with a diff
against the step before, diagnostics, execution checks, source mapping and, for TPU
graphs, the simulated GDMA/BDC timeline.

The app composes the widgets and routes messages between them; the work runs in worker
threads through `tui.model` and comes back as the messages of `tui.messages`.
`make_app` builds the app the same way for the command line and for tests.
"""

from __future__ import annotations

from pathlib import Path

from ir_studio.tui import model
from ir_studio.tui.messages import (
    ExecutionChecked,
    FileLoaded,
    LineChosen,
    LineSelected,
    OpOpened,
    OpSelected,
    SourceLineChosen,
    TimelinesReady,
)
from ir_studio.tui.renderables.diff_text import diff_lines
from ir_studio.tui.renderables.ir_text import line_of_location
from ir_studio.tui.widgets.code_view import CodeView
from ir_studio.tui.widgets.diagnostics import DiagnosticsTable
from ir_studio.tui.widgets.help import HelpScreen
from ir_studio.tui.widgets.pass_list import PassList, visible_steps
from ir_studio.tui.widgets.timeline_pane import TimelinePane
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Footer,
    Header,
    Input,
    Label,
    LoadingIndicator,
    Static,
    TabbedContent,
    TabPane,
)

from ir_studio.pygments_lexers import MLIRLexer

__all__ = ["HelpScreen", "IRStudioApp", "make_app"]

KIND_NAMES = {"toy": "a Toy program", "llvm": "LLVM IR", "mlir": "plain MLIR"}


class IRStudioApp(App[None]):
    TITLE = "ir-studio"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # also for subclasses elsewhere
    BINDINGS = [
        Binding("q", "quit", "quit"),
        Binding("n", "step(1)", "next"),
        Binding("p", "step(-1)", "prev"),
        Binding("u", "toggle_unchanged", "hide unchanged"),
        Binding("d", "toggle_diff", "diff mode"),
        Binding("t", "timeline", "timeline"),
        Binding("x", "export_trace", "trace", show=False),
        Binding("l", "toggle_locations", "locations", show=False),
        Binding("c", "copy_command", "copy cmd"),
        Binding("question_mark", "help", "help"),
        Binding("slash", "focus('search')", "search", show=False),
        Binding("f", "focus('function')", "function", show=False),
        Binding("e", "focus('pipeline')", "pipeline", show=False),
    ]

    def __init__(
        self,
        path: str,
        pipeline: str | None = None,
        text: str | None = None,
        *,
        show_timings: bool = True,
    ) -> None:
        super().__init__()
        self.show_timings = show_timings
        self.path = path
        self.source_text = text
        self.pipeline = pipeline
        self.loaded: model.LoadedFile | None = None
        self.steps: list[model.StepView] = []
        self.current = 0
        self.hide_unchanged = False
        self.side_by_side = False
        self.checks: dict[int, str] = {}
        self.tpu: model.TpuRuns | None = None
        self._diff_dirty = True

    # -- layout ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="left"):
                yield Input(placeholder="pipeline", id="pipeline")
                yield Input(placeholder="search passes", id="search")
                yield PassList(id="passes")
                yield Label("", id="counts")
            with Vertical(id="main"):
                yield LoadingIndicator(id="busy")
                with TabbedContent(id="tabs"):
                    with TabPane("IR", id="tab-ir"):
                        yield Input(placeholder="function filter (name without @)", id="function")
                        yield CodeView(MLIRLexer(), hide_locations=True, id="ir")
                    with TabPane("Diff", id="tab-diff"):
                        yield CodeView(diff=True, id="diff")
                    with TabPane("Source", id="tab-source"):
                        yield CodeView(id="source")
                    with TabPane("Diagnostics", id="tab-diagnostics"):
                        yield DiagnosticsTable(id="diagnostics")
                    with TabPane("Execution", id="tab-exec"):
                        yield Static("", id="exec")
                    with TabPane("Timeline", id="tab-timeline"):
                        yield TimelinePane(id="timeline-pane")
        yield Footer()

    @property
    def pane(self) -> TimelinePane:
        return self.query_one("#timeline-pane", TimelinePane)

    def on_mount(self) -> None:
        self.query_one("#passes", PassList).focus()
        self._show_source_now()
        self.load()

    def _show_source_now(self) -> None:
        """The file is on screen at once; parsing and the pipeline follow in a worker."""
        text = self.source_text
        if text is None:
            try:
                text = Path(self.path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                return
        lexer = model.lexer_for(self.path)
        self.query_one("#source", CodeView).set_lines(text.splitlines(), lexer)
        self.query_one("#ir", CodeView).set_lines(text.splitlines(), lexer)

    # -- workers (results come back as messages) --------------------------------
    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        self.post_message(FileLoaded(model.load(self.path, self.source_text, self.pipeline)))

    @work(thread=True, exclusive=True, group="warm")
    def warm(self) -> None:
        """Print the steps' IR off the UI loop, so moving between steps never waits."""
        model.warm_texts(self.steps)

    @work(thread=True, exclusive=True, group="exec")
    def check_execution(self) -> None:
        assert self.loaded is not None
        self.post_message(ExecutionChecked(model.check_execution(self.loaded, self.steps)))

    @work(thread=True, exclusive=True, group="tpu")
    def simulate(self) -> None:
        assert self.loaded is not None
        runs = model.simulate_modes(self.loaded, self.steps, self.pipeline or "")
        self.post_message(TimelinesReady(runs))

    def on_file_loaded(self, message: FileLoaded) -> None:
        result = message.loaded
        loaded = result.file
        self.loaded, self.pipeline, self.steps = loaded, result.pipeline, result.steps
        self.query_one("#busy").display = False
        self.query_one("#pipeline", Input).value = result.pipeline
        lexer = loaded.lexer
        self.query_one("#source", CodeView).set_lines(loaded.text.splitlines(), lexer)
        self.query_one("#diagnostics", DiagnosticsTable).show(loaded)
        if loaded.diagnostics:
            self.query_one("#tabs", TabbedContent).active = "tab-diagnostics"
        if result.error:
            self.notify(result.error, severity="error", timeout=10)
        self.sub_title = f"{Path(loaded.path).name} · {result.pipeline}"
        self._fill_passes()
        self.select(0)
        if self.query_one("#tabs", TabbedContent).active != "tab-timeline":  # `t` while loading
            self.query_one("#passes", PassList).focus()
        if result.steps:
            self.warm()
            self.check_execution()
        if loaded.kind == "tpu":
            self.simulate()
        else:
            self.pane.explain(KIND_NAMES.get(loaded.kind, loaded.kind))

    def on_execution_checked(self, message: ExecutionChecked) -> None:
        self.checks = message.outputs
        self.select(self.current)

    def on_timelines_ready(self, message: TimelinesReady) -> None:
        self.tpu = message.runs
        self.pane.show_runs(message.runs)

    # -- views ----------------------------------------------------------------
    def _visible_steps(self) -> list[model.StepView]:
        query = self.query_one("#search", Input).value
        return visible_steps(self.steps, self.hide_unchanged, query)

    def _fill_passes(self) -> None:
        self.query_one("#passes", PassList).fill(self._visible_steps(), self.show_timings)

    def _function(self) -> str:
        return self.query_one("#function", Input).value.strip().lstrip("@")

    def select(self, index: int) -> None:
        if not self.steps:
            return
        self.current = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.current]
        ir = model.function_text(step, self._function())
        self.query_one("#ir", CodeView).set_lines(ir.splitlines())
        self._diff_dirty = True
        if self.query_one("#tabs", TabbedContent).active == "tab-diff":
            self._update_diff()
        deltas = ", ".join(f"{k} {v:+d}" for k, v in sorted(step.op_delta.items()))
        self.query_one("#counts", Label).update(
            f"step {step.index}: {step.name}\n{deltas or 'op counts unchanged'}"
        )
        self.query_one("#exec", Static).update(self.checks.get(step.index, "(not checked yet)"))
        self.query_one("#passes", PassList).point_at(step.index)

    def _update_diff(self) -> None:
        """The diff is computed only when it is on screen (it costs the most)."""
        if not self.steps or not self._diff_dirty:
            return
        self._diff_dirty = False
        step = self.steps[self.current]
        previous = self.steps[self.current - 1] if self.current > 0 else step
        function = self._function()
        self.query_one("#diff", CodeView).set_lines(
            diff_lines(
                model.function_text(previous, function),
                model.function_text(step, function),
                two_columns=self.side_by_side,
                hide_locations=self.query_one("#ir", CodeView).hide_locations,
            )
        )

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-diff":
            self._update_diff()

    # -- actions --------------------------------------------------------------
    def action_step(self, delta: int) -> None:
        visible = [s.index for s in self._visible_steps()]
        later = [i for i in visible if (i > self.current if delta > 0 else i < self.current)]
        if later:
            self.select(later[0] if delta > 0 else later[-1])

    def action_toggle_unchanged(self) -> None:
        self.hide_unchanged = not self.hide_unchanged
        self._fill_passes()
        self.select(self.current)

    def action_toggle_diff(self) -> None:
        self.side_by_side = not self.side_by_side
        self.query_one("#tabs", TabbedContent).active = "tab-diff"
        self._diff_dirty = True
        self._update_diff()

    def action_toggle_locations(self) -> None:
        ir = self.query_one("#ir", CodeView)
        ir.toggle_locations()
        self._diff_dirty = True
        if self.query_one("#tabs", TabbedContent).active == "tab-diff":
            self._update_diff()
        self.notify("locations shown" if not ir.hide_locations else "locations hidden")

    def action_timeline(self) -> None:
        self.query_one("#tabs", TabbedContent).active = "tab-timeline"
        self.pane.timeline.focus()

    def action_copy_command(self) -> None:
        command = model.copy_command(self.path, self.pipeline or "")
        self.copy_to_clipboard(command)
        self.notify(command, title="copied")

    def action_export_trace(self) -> None:
        index, key = self.pane.current, self.pane.key
        if index is None or key is None:
            self.notify("no timeline: open a top/tpu file", severity="warning")
            return
        try:
            target = model.export_trace(index, self.path, f"{key[0]}-{key[1]}")
        except OSError as error:
            self.notify(f"cannot write the trace: {error.strerror}", severity="error")
            return
        self.last_trace = target
        self.notify(f"{target} (open in ui.perfetto.dev)", title="trace written")

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    # -- routing --------------------------------------------------------------
    @on(PassList.OptionSelected, "#passes")
    @on(PassList.OptionHighlighted, "#passes")
    def _pass_chosen(self, event: PassList.OptionSelected) -> None:
        if event.option.id is not None and int(event.option.id) != self.current:
            self.select(int(event.option.id))

    @on(Input.Changed, "#search")
    def _search(self) -> None:
        self._fill_passes()

    @on(Input.Submitted, "#function")
    def _filter(self) -> None:
        self.select(self.current)

    @on(Input.Changed, "#pipeline")
    def _validate_pipeline(self, event: Input.Changed) -> None:
        error = model.pipeline_error(event.value)
        event.input.set_class(error is not None, "invalid")
        event.input.tooltip = error

    @on(Input.Submitted, "#pipeline")
    def _run_pipeline(self, event: Input.Submitted) -> None:
        if event.input.has_class("invalid"):
            self.notify(str(event.input.tooltip), severity="error")
            return
        self.pipeline = event.value.strip()
        self.query_one("#busy").display = True
        self.load()

    def on_source_line_chosen(self, message: SourceLineChosen) -> None:
        self.query_one("#tabs", TabbedContent).active = "tab-source"
        self.query_one("#source", CodeView).highlighted = message.line

    @on(LineSelected, "#ir")
    def _map_to_source(self, event: LineSelected) -> None:
        """An op in the IR -> the source line it came from (read from the op's location,
        shown or not), or its place on the timeline."""
        if not self.steps:
            return
        label = self.query_one("#counts", Label)
        step, function = self.steps[self.current], self._function()
        line = self.query_one("#ir", CodeView).source_index(event.index)
        name = model.op_name_at(step, function, line)
        if name is not None and self.pane.select_op(name, jump=True):
            label.update(f"op {name} (enter: on the timeline)")
            return
        loc = model.source_at(step, function, line)
        if loc is None:
            label.update("no location on this line")
            return
        file, row, col = loc
        label.update(f"from {Path(file).name}:{row}:{col}")
        if self.loaded is not None and Path(file).name == Path(self.loaded.path).name:
            self.query_one("#source", CodeView).highlighted = row - 1

    @on(LineChosen, "#ir")
    def _ir_line_chosen(self, event: LineChosen) -> None:
        if not self.steps:
            return
        line = self.query_one("#ir", CodeView).source_index(event.index)
        name = model.op_name_at(self.steps[self.current], self._function(), line)
        if name is not None:
            self.post_message(OpOpened(name, "timeline"))

    def on_op_selected(self, event: OpSelected) -> None:
        if event.origin != "ir":
            self._highlight_op_in_ir(event.loc)

    def on_op_opened(self, event: OpOpened) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        if event.target == "ir":
            tabs.active = "tab-ir"
            self._highlight_op_in_ir(event.loc)
            self.query_one("#ir", CodeView).focus()
        elif self.pane.select_op(event.loc, jump=True):
            tabs.active = "tab-timeline"
            self.pane.timeline.focus()
        else:
            self.notify(f"{event.loc} has no instructions on the timeline", severity="warning")

    def _highlight_op_in_ir(self, loc: str) -> None:
        ir = self.query_one("#ir", CodeView)
        line = line_of_location(ir.source_lines, loc)
        shown = ir.shown_index(line) if line is not None else None
        if shown is not None:
            ir.highlighted = shown


def make_app(
    path: str | None = None, pipeline: str | None = None, *, show_timings: bool = True
) -> IRStudioApp:
    """The app on `path`, or on the bundled Toy sample when no file is given. Snapshot
    tests turn `show_timings` off (pass times differ from run to run)."""
    if path is None:
        from importlib import resources

        sample = resources.files("ir_studio.sample_ir").joinpath("toy", "ch6_llvm.toy")
        return IRStudioApp("ch6_llvm.toy", pipeline, sample.read_text(), show_timings=show_timings)
    return IRStudioApp(path, pipeline, show_timings=show_timings)
