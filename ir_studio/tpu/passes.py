"""The lowering as pipeline passes: `tpu-f16`, `tpu-w8a16`, `tpu-w4a16{group-size=64}`.

In a pipeline the module is lowered shape-only (a pass sees no files); `ir-studio tpu
lower` runs the same lowering with the weights and writes the quantised npz.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass

from ir_studio.pass_failure import PassFailure
from ir_studio.tpu.lowering import LoweringError, lower_to_tpu


def _run(op: ModuleOp, mode: str, group: int) -> None:
    try:
        lower_to_tpu(op, mode, group, None, in_place=True)
    except LoweringError as error:
        raise PassFailure(str(error), error.op) from None


@dataclass(frozen=True)
class TpuF16(ModulePass):
    """Top -> Tpu, every op in F16."""

    name = "tpu-f16"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        _run(op, "f16", 64)


@dataclass(frozen=True)
class TpuW8A16(ModulePass):
    """Top -> Tpu with weight-only INT8 matmuls (per-channel scales)."""

    name = "tpu-w8a16"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        _run(op, "w8a16", 64)


@dataclass(frozen=True)
class TpuW4A16(ModulePass):
    """Top -> Tpu with weight-only INT4 matmuls (per-group scales and zero points)."""

    name = "tpu-w4a16"
    group_size: int = 64

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        _run(op, "w4a16", self.group_size)
