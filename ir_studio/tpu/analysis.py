"""TPU analysis for every front end: lower a module if it is still `top`, simulate it in
each mode, summarise. The CLI (`tpu simulate`), the TUI's Timeline tab and the language
server's cost hints all call `analyse`, so they agree on what needs lowering, on the
lowering (each mode lowered once) and on the figures they show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from xdsl.dialects.builtin import ModuleOp, StringAttr

from ir_studio.tpu.chip import BM1684X, Chip
from ir_studio.tpu.lowering import lower_to_tpu
from ir_studio.tpu.modes import Mode, mode_of_module, parse_mode
from ir_studio.tpu.simulate import Timeline, simulate

SHOWN_MODE = Mode.W8A16
"""The mode front ends show first (TPU graphs lower with W8A16 by default)."""

SOURCE_OPS = frozenset({"top.Weight", "top.Input", "top.None"})
"""`top` ops that stay in a lowered module (weights, inputs and the none value)."""


def is_tpu_graph(module: ModuleOp) -> bool:
    return any(op.name.startswith(("top.", "tpu.")) for op in module.walk())


def needs_lowering(module: ModuleOp) -> bool:
    """A module still holding `top` compute ops must be lowered before it can run."""
    return any(op.name.startswith("top.") and op.name not in SOURCE_OPS for op in module.walk())


def pipeline_mode(pipeline: str) -> Mode | None:
    """The mode a pipeline lowers to when it is exactly one mode's pass with its default
    options (`tpu-w8a16`): its result is then what `analyse` would produce for that mode."""
    name = pipeline.strip()
    return next((mode for mode in Mode if mode.pipeline == name), None)


def lowered_mode(module: ModuleOp) -> Mode | None:
    attr = module.attributes.get("module.mode")
    return mode_of_module(attr.data) if isinstance(attr, StringAttr) else None


@dataclass
class Analysis:
    """Simulated timelines per mode; `lowered_from_top` says whether this analysis did
    the lowering (a `tpu` module is simulated as it is, in the mode it was lowered in)."""

    timelines: dict[Mode, Timeline] = field(default_factory=dict)
    modules: dict[Mode, ModuleOp] = field(default_factory=dict)
    lowered_from_top: bool = False

    def summary_rows(self) -> list[str]:
        """A table: one row per mode with total time, engine utilisation, overlap, bytes."""
        rows = ["mode     total ms   GDMA %   BDC %   overlap ms   loaded MiB"]
        for mode, t in self.timelines.items():
            rows.append(
                f"{mode.value:<8} {t.total_s * 1e3:9.3f} {t.utilisation('GDMA'):8.0%} "
                f"{t.utilisation('BDC'):7.0%} {t.overlap_s * 1e3:11.3f} "
                f"{t.bytes_loaded / 2**20:11.2f}"
            )
        return rows


def analyse(
    module: ModuleOp,
    modes: Iterable[Mode | str] = tuple(Mode),
    chip: Chip = BM1684X,
    *,
    group: int = 64,
    keep_f16: tuple[str, ...] = (),
    lowered: dict[Mode, ModuleOp] | None = None,
) -> Analysis:
    """Lower (a clone of) `module` once per mode if it is still `top`, then simulate.

    `lowered` offers modules a caller already lowered (the TUI's pipeline result), used
    instead of lowering again. A module already lowered is simulated once, under the mode
    it records (or the first mode asked for when it records none): lowering it again would
    change nothing. Raises `LoweringError` when a mode cannot lower the module."""
    wanted = [parse_mode(m) for m in modes]
    result = Analysis(lowered_from_top=needs_lowering(module))
    if not result.lowered_from_top:
        mode = lowered_mode(module) or (wanted[0] if wanted else SHOWN_MODE)
        result.modules[mode] = module
        result.timelines[mode] = simulate(module, chip)
        return result
    for mode in wanted:
        done = (lowered or {}).get(mode)
        if done is None or needs_lowering(done):
            done = lower_to_tpu(module, mode, group, None, keep_f16=keep_f16).module
        result.modules[mode] = done
        result.timelines[mode] = simulate(done, chip)
    return result


def describe(timeline: Timeline, heading: str, top: int = 15) -> str:
    """The text report of one simulation (`ir-studio tpu simulate`)."""
    t = timeline
    lines = [
        f"{heading}: {t.total_s * 1e3:.3f} ms, {len(t.instrs)} instructions",
        f"  GDMA busy {t.busy_s['GDMA'] * 1e3:.3f} ms ({t.utilisation('GDMA'):.0%}), "
        f"BDC busy {t.busy_s['BDC'] * 1e3:.3f} ms ({t.utilisation('BDC'):.0%}), "
        f"both at once {t.overlap_s * 1e3:.3f} ms",
        f"  loaded {t.bytes_loaded / 2**20:.2f} MiB, stored "
        f"{t.bytes_stored / 2**20:.2f} MiB, {t.flops / 1e9:.3f} GFLOP",
        f"  {'op':<48} {'ms':>9} {'GDMA ms':>9} {'BDC ms':>9} {'MiB':>9}",
    ]
    for op in sorted(timeline.ops, key=lambda o: o.end - o.start, reverse=True)[:top]:
        lines.append(
            f"  {op.loc:<48} {(op.end - op.start) * 1e3:9.3f} {op.gdma_s * 1e3:9.3f} "
            f"{op.bdc_s * 1e3:9.3f} {op.bytes / 2**20:9.2f}"
        )
    return "\n".join(lines)
