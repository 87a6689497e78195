"""The lowering as pipeline passes: `tpu-f16`, `tpu-w8a16`, `tpu-w4a16{group-size=64}`,
each with `keep-f16=lm_head,embedding` (layers that stay F16, see `layer_matches`).

A pass sees no files, so it lowers shape-only; the result still names the top weight
file in `module.weight_file`, from which `files.load_weights` derives the quantised
arrays exactly as `ir-studio tpu lower` writes them (same quantiser, same keys). So
`tpu compare` works on a module lowered either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass

from ir_studio.pass_failure import PassFailure
from ir_studio.tpu.lowering import LoweringError, lower_to_tpu
from ir_studio.tpu.modes import Mode


def _run(op: ModuleOp, mode: Mode, group: int, keep_f16: tuple[str, ...]) -> None:
    try:
        lower_to_tpu(op, mode, group, None, in_place=True, keep_f16=keep_f16)
    except LoweringError as error:
        raise PassFailure(str(error), error.op) from None


@dataclass(frozen=True)
class TpuF16(ModulePass):
    """Top -> Tpu, every op in F16."""

    name = "tpu-f16"
    keep_f16: tuple[str, ...] = ()

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        _run(op, Mode.F16, 64, self.keep_f16)


@dataclass(frozen=True)
class TpuW8A16(ModulePass):
    """Top -> Tpu with weight-only INT8 matmuls (per-channel scales)."""

    name = "tpu-w8a16"
    keep_f16: tuple[str, ...] = ()

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        _run(op, Mode.W8A16, 64, self.keep_f16)


@dataclass(frozen=True)
class TpuW4A16(ModulePass):
    """Top -> Tpu with weight-only INT4 matmuls (per-group scales and zero points)."""

    name = "tpu-w4a16"
    group_size: int = 64
    keep_f16: tuple[str, ...] = ()

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        _run(op, Mode.W4A16, self.group_size, self.keep_f16)


PASSES: dict[Mode, type[ModulePass]] = {
    Mode.F16: TpuF16,
    Mode.W8A16: TpuW8A16,
    Mode.W4A16: TpuW4A16,
}
