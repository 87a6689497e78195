"""The ir-studio terminal UI: a pass list, the IR after the selected step with a diff
against the step before, diagnostics, execution checks, source mapping and, for TPU
graphs, the simulated GDMA/BDC timeline. All work runs in worker threads.

`make_app` builds the app the same way for the command line and for tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ir_studio.tui.widgets.code_view import CodeView
from ir_studio.tui.widgets.timeline import TimelineView
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    Label,
    LoadingIndicator,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from ir_studio.ir_diff import side_by_side, unified_diff
from ir_studio.languages import language_for
from ir_studio.pygments_lexers import MLIRLexer
from ir_studio.session import (
    LoadedFile,
    StepView,
    check_pipeline,
    copy_command,
    default_pipeline,
    execution_report,
    function_text,
    load_file,
    run_steps,
    source_at,
    warm_texts,
)

if TYPE_CHECKING:
    from ir_studio.tpu.analysis import Analysis

BINDINGS_HELP = [
    ("n / p", "next / previous pass"),
    ("u", "hide passes that changed nothing"),
    ("d", "diff: unified / side by side"),
    ("/", "search passes"),
    ("f", "filter a function"),
    ("e", "edit the pipeline"),
    ("c", "copy the pipeline as an ir-studio lower command"),
    ("t", "TPU timeline (top/tpu files)"),
    ("+ / -", "timeline zoom"),
    ("left / right", "timeline pan"),
    (", / .", "previous / next instruction"),
    ("?", "this help"),
    ("q", "quit"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: 60; border: round $accent; padding: 1 2; background: $panel; }
    """

    def compose(self) -> ComposeResult:
        rows = "\n".join(f"[b]{key:<14}[/b] {what}" for key, what in BINDINGS_HELP)
        yield Static(f"[b]ir-studio keys[/b]\n\n{rows}", id="help")


class IRStudioApp(App[None]):
    TITLE = "ir-studio"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "quit"),
        Binding("n", "step(1)", "next"),
        Binding("p", "step(-1)", "prev"),
        Binding("u", "toggle_unchanged", "hide unchanged"),
        Binding("d", "toggle_diff", "diff mode"),
        Binding("t", "timeline", "timeline"),
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
        self.loaded: LoadedFile | None = None
        self.steps: list[StepView] = []
        self.current = 0
        self.hide_unchanged = False
        self.side_by_side = False
        self.checks: dict[int, str] = {}
        self._pipeline_result = None
        """The pipeline's final module: a TPU mode's lowering, reused by the simulation."""

    # -- layout ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="left"):
                yield Input(placeholder="pipeline", id="pipeline")
                yield Input(placeholder="search passes", id="search")
                yield OptionList(id="passes")
                yield Label("", id="counts")
            with Vertical(id="main"):
                yield LoadingIndicator(id="busy")
                with TabbedContent(id="tabs"):
                    with TabPane("IR", id="tab-ir"):
                        yield Input(placeholder="function filter (name without @)", id="function")
                        yield CodeView(MLIRLexer(), id="ir")
                    with TabPane("Diff", id="tab-diff"):
                        yield CodeView(diff=True, id="diff")
                    with TabPane("Source", id="tab-source"):
                        yield CodeView(id="source")
                    with TabPane("Diagnostics", id="tab-diagnostics"):
                        yield DataTable(id="diagnostics", cursor_type="row")
                    with TabPane("Execution", id="tab-exec"):
                        yield Static("", id="exec")
                    with TabPane("Timeline", id="tab-timeline"):
                        yield TimelineView(id="timeline")
                        yield Static("", id="instr")
                        yield Static("", id="tpu-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#diagnostics", DataTable).add_columns("line", "col", "severity", "message")
        self.query_one("#passes", OptionList).focus()
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
        lexer = language_for(self.path).make_lexer()
        self.query_one("#source", CodeView).set_lines(text.splitlines(), lexer)
        self.query_one("#ir", CodeView).set_lines(text.splitlines(), lexer)

    # -- work -----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        loaded = load_file(self.path, self.source_text)
        pipeline = self.pipeline or default_pipeline(loaded.kind)
        steps: list[StepView] = []
        error = None
        if loaded.module is not None:
            try:
                run, steps = run_steps(loaded, pipeline)
                self._pipeline_result = run.module if run.failed is None else None
                warm_texts(steps[:2])  # what is on screen first; the rest in `warm`
            except Exception as failure:  # a bad pipeline is shown, not raised
                error = str(failure)
        self.call_from_thread(self._loaded, loaded, pipeline, steps, error)

    def _loaded(
        self, loaded: LoadedFile, pipeline: str, steps: list[StepView], error: str | None
    ) -> None:
        self.loaded, self.pipeline, self.steps = loaded, pipeline, steps
        self.query_one("#busy").display = False
        self.query_one("#pipeline", Input).value = pipeline
        lexer = loaded.lexer
        self.query_one("#source", CodeView).set_lines(loaded.text.splitlines(), lexer)
        table = self.query_one("#diagnostics", DataTable)
        table.clear()
        for d in loaded.diagnostics:
            pos = loaded.lines.position(d.span.start)
            table.add_row(pos.line + 1, pos.column + 1, d.severity.label, d.message)
        if loaded.diagnostics:
            self.query_one("#tabs", TabbedContent).active = "tab-diagnostics"
        if error:
            self.notify(error, severity="error", timeout=10)
        self.sub_title = f"{Path(loaded.path).name} · {pipeline}"
        self._fill_passes()
        self.select(0)
        self.query_one("#passes", OptionList).focus()
        if steps:
            self.warm()
            self.check_execution()
        if loaded.kind == "tpu":
            self.simulate()

    @work(thread=True, exclusive=True, group="warm")
    def warm(self) -> None:
        """Print the steps' IR off the UI loop, so moving between steps never waits."""
        warm_texts(self.steps)

    @work(thread=True, exclusive=True, group="exec")
    def check_execution(self) -> None:
        if self.loaded is None or self.loaded.kind == "tpu" or not self._has_main():
            self.call_from_thread(
                self._checked,
                {s.index: "not run: the program has no main function" for s in self.steps},
            )
            return
        self.call_from_thread(self._checked, execution_report(self.steps))

    def _has_main(self) -> bool:
        module = self.loaded.module if self.loaded is not None else None
        if module is None:
            return False
        return any(
            getattr(op.properties.get("sym_name"), "data", None) == "main"
            for op in module.body.block.ops
        )

    def _checked(self, outputs: dict[int, str]) -> None:
        self.checks = outputs
        self.select(self.current)

    @work(thread=True, exclusive=True, group="tpu")
    def simulate(self) -> None:
        from ir_studio.tpu.analysis import analyse, pipeline_mode

        assert self.loaded is not None
        assert self.loaded.module is not None
        mode, result = pipeline_mode(self.pipeline or ""), self._pipeline_result
        reuse = {mode: result} if mode is not None and result is not None else None
        self.call_from_thread(self._simulated, analyse(self.loaded.module, lowered=reuse))

    def _simulated(self, analysis: Analysis) -> None:
        from ir_studio.tpu.analysis import SHOWN_MODE

        self.timelines = analysis.timelines

        shown = analysis.timelines.get(SHOWN_MODE) or next(iter(analysis.timelines.values()))
        self.query_one("#timeline", TimelineView).show(shown)
        self.query_one("#tpu-summary", Static).update("\n".join(analysis.summary_rows()))
        self._show_instr(0)

    # -- views ----------------------------------------------------------------
    def _visible_steps(self) -> list[StepView]:
        query = self.query_one("#search", Input).value.strip().lower()
        return [
            s
            for s in self.steps
            if (not self.hide_unchanged or s.changed or s.index == 0)
            and (not query or query in s.name.lower())
        ]

    def _fill_passes(self) -> None:
        options = self.query_one("#passes", OptionList)
        options.clear_options()
        for step in self._visible_steps():
            mark = "•" if step.changed else " "
            if step.error:
                mark = "✗"
            timing = f" {step.seconds * 1e3:6.1f}ms" if self.show_timings else ""
            grown = sum(v for v in step.op_delta.values() if v > 0)
            shrunk = -sum(v for v in step.op_delta.values() if v < 0)
            ops = f" +{grown}/-{shrunk}" if grown or shrunk else ""
            label = f"{mark} {step.index:2d} {step.name[:20]:<20}{timing}{ops}"
            options.add_option(Option(label, id=str(step.index)))

    def select(self, index: int) -> None:
        if not self.steps:
            return
        self.current = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.current]
        function = self.query_one("#function", Input).value.strip().lstrip("@")
        ir = function_text(step, function)
        self.query_one("#ir", CodeView).set_lines(ir.splitlines())
        self._diff_dirty = True
        if self.query_one("#tabs", TabbedContent).active == "tab-diff":
            self._update_diff()
        deltas = ", ".join(f"{k} {v:+d}" for k, v in sorted(step.op_delta.items()))
        self.query_one("#counts", Label).update(
            f"step {step.index}: {step.name}\n{deltas or 'op counts unchanged'}"
        )
        self.query_one("#exec", Static).update(self.checks.get(step.index, "(not checked yet)"))
        options = self.query_one("#passes", OptionList)
        for i in range(options.option_count):
            if options.get_option_at_index(i).id == str(step.index):
                options.highlighted = i

    def _update_diff(self) -> None:
        """The diff is computed only when it is on screen (it costs the most)."""
        if not self.steps or not getattr(self, "_diff_dirty", True):
            return
        self._diff_dirty = False
        step = self.steps[self.current]
        function = self.query_one("#function", Input).value.strip().lstrip("@")
        ir = function_text(step, function)
        before = function_text(self.steps[self.current - 1] if self.current > 0 else step,
                               function)
        diff_view = self.query_one("#diff", CodeView)
        if self.side_by_side:
            rows = side_by_side(before, ir)
            width = max((len(r[1]) for r in rows), default=0)
            diff_view.set_lines([f"{tag}{left:<{width}} │ {right}" for tag, left, right in rows])
        else:
            diff = unified_diff(before, ir)
            diff_view.set_lines(diff or ["(no change, ignoring SSA renumbering)"])

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-diff":
            self._update_diff()

    # -- actions --------------------------------------------------------------
    def action_step(self, delta: int) -> None:
        visible = [s.index for s in self._visible_steps()]
        if not visible:
            return
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

    def action_timeline(self) -> None:
        self.query_one("#tabs", TabbedContent).active = "tab-timeline"
        self.query_one("#timeline", TimelineView).focus()

    def action_copy_command(self) -> None:
        command = copy_command(self.path, self.pipeline or "")
        self.copy_to_clipboard(command)
        self.notify(command, title="copied")

    def action_export_trace(self) -> None:
        timeline = self.query_one("#timeline", TimelineView).timeline
        if timeline is None:
            self.notify("no timeline: open a top/tpu file", severity="warning")
            return
        target = Path(self.path).with_suffix(".trace.json")
        if not target.parent.is_dir() or not target.parent.exists():
            target = Path.cwd() / target.name
        try:
            target.write_text(timeline.chrome_trace(), encoding="utf-8")
        except OSError as error:
            self.notify(f"cannot write {target}: {error.strerror}", severity="error")
            return
        self.notify(f"{target} (open in ui.perfetto.dev)", title="trace written")

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    @on(OptionList.OptionSelected, "#passes")
    @on(OptionList.OptionHighlighted, "#passes")
    def _pass_chosen(self, event: OptionList.OptionSelected) -> None:
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
        error = check_pipeline(event.value)
        if error is None:
            event.input.remove_class("invalid")
            event.input.tooltip = None
        else:
            event.input.add_class("invalid")
            event.input.tooltip = error

    @on(Input.Submitted, "#pipeline")
    def _run_pipeline(self, event: Input.Submitted) -> None:
        if event.input.has_class("invalid"):
            self.notify(str(event.input.tooltip), severity="error")
            return
        self.pipeline = event.value.strip()
        self.query_one("#busy").display = True
        self.load()

    @on(DataTable.RowSelected, "#diagnostics")
    def _jump(self, event: DataTable.RowSelected) -> None:
        line = int(event.data_table.get_row_at(event.cursor_row)[0]) - 1
        self.query_one("#tabs", TabbedContent).active = "tab-source"
        self.query_one("#source", CodeView).highlighted = line

    @on(CodeView.LineSelected, "#ir")
    def _map_to_source(self, event: CodeView.LineSelected) -> None:
        """An op in the IR -> the source line it came from (its location)."""
        function = self.query_one("#function", Input).value.strip().lstrip("@")
        loc = source_at(self.steps[self.current], function, event.index) if self.steps else None
        label = self.query_one("#counts", Label)
        if loc is None:
            label.update("no location on this line")
            return
        file, line, col = loc
        label.update(f"from {Path(file).name}:{line}:{col}")
        if self.loaded is not None and Path(file).name == Path(self.loaded.path).name:
            self.query_one("#source", CodeView).highlighted = line - 1

    @on(TimelineView.Selected)
    def _instr_selected(self, event: TimelineView.Selected) -> None:
        self._show_instr(event.index)

    def _show_instr(self, index: int) -> None:
        timeline = self.query_one("#timeline", TimelineView).timeline
        if timeline is None or not timeline.instrs:
            return
        i = timeline.instrs[index]
        self.query_one("#instr", Static).update(
            f"{i.engine} {i.kind} · {i.op} · {i.loc}\n"
            f"start {i.start * 1e6:.2f} us · {(i.end - i.start) * 1e6:.2f} us · "
            f"{i.bytes} bytes · {i.flops} FLOPs"
        )


def _counterpart(path: str) -> Path | None:
    """The other phase's graph next to a TPU file (decode <-> prefill), if present."""
    p = Path(path)
    name = p.name
    swaps = [("decode", "prefill"), ("prefill", "decode"), ("block_cache", "block")]
    for a, b in swaps:
        if a in name:
            other = p.with_name(name.replace(a, b))
            return other if other.is_file() and other != p else None
    if "block" in name:
        other = p.with_name(name.replace("block", "block_cache", 1))
        return other if other.is_file() else None
    return None


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
