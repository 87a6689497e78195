"""Everything the terminal UI asks of the core, in one module: loading a file, running a
pipeline step by step, checking execution, and for TPU graphs lowering and simulating each
mode (and the other phase's graph when it lies next to the file). The app's workers call
these and post the results as messages; nothing here touches Textual.

When the core grows one application layer for every front end, this module is the one
place to switch to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ir_studio.tui.renderables.timeline import TimelineIndex
from xdsl.dialects.builtin import ModuleOp, NameLoc

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
from ir_studio.tpu.modes import Mode

if TYPE_CHECKING:
    from pygments.lexer import Lexer

__all__ = [
    "LoadedFile",
    "StepView",
    "TpuRuns",
    "copy_command",
    "counterpart",
    "function_text",
    "lexer_for",
    "load",
    "op_name_at",
    "phase_of",
    "pipeline_error",
    "simulate_modes",
    "source_at",
    "warm_texts",
]


@dataclass
class Loaded:
    """A file with its pipeline's steps, or the error that stopped the pipeline."""

    file: LoadedFile
    pipeline: str
    steps: list[StepView]
    error: str | None = None


def load(path: str, text: str | None, pipeline: str | None) -> Loaded:
    """Parse `path` and run `pipeline` (or the default for its language); never raises
    for a bad file or pipeline: those come back as diagnostics or `error`. The first two
    steps are printed here, off the UI loop (the rest: `warm_texts` in another worker)."""
    loaded = load_file(path, text)
    chosen = pipeline or default_pipeline(loaded.kind)
    if loaded.module is None or not chosen:
        return Loaded(loaded, chosen, [])
    try:
        _, steps = run_steps(loaded, chosen)
        warm_texts(steps[:2])
    except Exception as failure:  # a bad pipeline is shown, not raised
        return Loaded(loaded, chosen, [], str(failure) or type(failure).__name__)
    return Loaded(loaded, chosen, steps)


def lexer_for(path: str) -> Lexer:
    """The highlighter of the file's language, before it is even parsed."""
    from ir_studio.languages import language_for

    return language_for(path).make_lexer()


def pipeline_error(value: str) -> str | None:
    """Why `value` is not a pipeline (a name or a pass-pipeline string), or None."""
    return check_pipeline(value.strip())


def has_main(loaded: LoadedFile) -> bool:
    if loaded.module is None:
        return False
    return any(
        getattr(op.properties.get("sym_name"), "data", None) == "main"
        for op in loaded.module.body.block.ops
    )


def check_execution(loaded: LoadedFile, steps: list[StepView]) -> dict[int, str]:
    """Per step: the program's output and whether it matches the step before."""
    if loaded.kind == "tpu" or not has_main(loaded):
        return {s.index: "not run: the program has no main function" for s in steps}
    return execution_report(steps)


def op_name_at(step: StepView, function: str, line: int) -> str | None:
    """The location name (`loc("layers.0.mlp")`, TPU-MLIR's op names) of the op on
    printed `line` of the step's IR as `function_text` shows it, read from the op."""
    if step.snapshot is None:
        return None
    printed = step.snapshot.printed(function)
    op = printed.op_at(line) if printed is not None else None
    location = getattr(op, "location", None)
    return location.desc.data if isinstance(location, NameLoc) else None


# -- TPU ---------------------------------------------------------------------------


@dataclass
class TpuRuns:
    """Simulated runs keyed by (phase, mode), each prepared for drawing."""

    phase: str
    """This file's phase: decode, prefill or `graph` when the name says neither."""
    runs: dict[tuple[str, str], TimelineIndex] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def modes(self, phase: str) -> list[str]:
        return [m for p, m in self.runs if p == phase]

    @property
    def phases(self) -> list[str]:
        return list(dict.fromkeys(p for p, _ in self.runs))

    def summary_rows(self) -> list[str]:
        rows = ["phase    mode     total ms   GDMA %   BDC %   overlap ms   loaded MiB"]
        for (phase, mode), index in self.runs.items():
            t = index.timeline
            rows.append(
                f"{phase:<8} {mode:<8} {t.total_s * 1e3:9.3f} "
                f"{t.utilisation('GDMA'):8.0%} {t.utilisation('BDC'):7.0%} "
                f"{t.overlap_s * 1e3:11.3f} {t.bytes_loaded / 2**20:11.2f}"
            )
        return rows


def phase_of(path: str) -> str:
    name = Path(path).name
    if "decode" in name or "block_cache" in name:
        return "decode"
    if "prefill" in name or "block" in name:
        return "prefill"
    return "graph"


def counterpart(path: str) -> Path | None:
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


def _simulate_module(
    module: ModuleOp, phase: str, out: TpuRuns, lowered: dict[Mode, ModuleOp] | None = None
) -> None:
    """Each mode through the core's `analyse` (lower if needed, simulate), one mode at a
    time so that a mode that cannot be lowered or simulated is reported in `out.errors`
    while the others are drawn; `lowered` holds modes the pipeline lowered already."""
    from ir_studio.tpu.analysis import analyse, needs_lowering

    modes = list(Mode) if needs_lowering(module) else [Mode.W8A16]
    for mode in modes:
        try:
            analysis = analyse(module, [mode], lowered=lowered)
        except Exception as error:  # shown in the Timeline tab; the other modes still run
            out.errors.append(f"{phase} {mode.value}: {error or type(error).__name__}")
            continue
        for done, timeline in analysis.timelines.items():
            out.runs[(phase, done.value)] = TimelineIndex.build(timeline)


def simulate_modes(
    loaded: LoadedFile, steps: list[StepView] | None = None, pipeline: str = ""
) -> TpuRuns:
    """F16, W8A16 and W4A16 of this file and, when it lies next to it, the other phase.
    When `pipeline` is exactly one mode's lowering (`tpu-w8a16`), its last step's module
    is simulated for that mode, not lowered again."""
    from ir_studio.tpu.analysis import pipeline_mode

    phase = phase_of(loaded.path)
    runs = TpuRuns(phase)
    if loaded.module is None:
        return runs
    lowered: dict[Mode, ModuleOp] = {}
    mode, last = pipeline_mode(pipeline), steps[-1] if steps else None
    if mode is not None and last is not None and last.snapshot is not None and not last.error:
        lowered[mode] = last.snapshot.module
    _simulate_module(loaded.module, phase, runs, lowered)
    other = counterpart(loaded.path)
    if other is not None and phase != "graph":
        partner = load_file(str(other))
        if partner.module is not None and partner.kind == "tpu":
            _simulate_module(partner.module, phase_of(str(other)), runs)
    return runs


def export_trace(index: TimelineIndex, path: str, label: str) -> Path:
    """Write the Chrome trace next to `path` (or in the working folder when that is not
    writable); OSError reaches the caller, which shows it."""
    name = f"{Path(path).stem}.{label}.trace.json"
    target = Path(path).with_name(name)
    text = index.timeline.chrome_trace()
    try:
        target.write_text(text, encoding="utf-8")
    except OSError:
        target = Path.cwd() / name
        target.write_text(text, encoding="utf-8")
    return target
