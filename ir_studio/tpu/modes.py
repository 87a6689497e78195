"""The TPU lowering modes, one enum for the CLI, the TUI, the server and the passes.

Each mode names TPU-MLIR's `--quantize` value (`module.mode` after lowering), the width
of the weights a qualifying matmul stores, and the pipeline (pass) that lowers to it.
"""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    F16 = "f16"
    W8A16 = "w8a16"
    W4A16 = "w4a16"

    @property
    def module_mode(self) -> str:
        """`module.mode` as TPU-MLIR writes it (W8A16 on BM1684X is `W8F16`)."""
        return {"f16": "F16", "w8a16": "W8F16", "w4a16": "W4F16"}[self.value]

    @property
    def weight_bits(self) -> int | None:
        """Bits of a quantised matmul weight; None when matmuls stay F16."""
        return {"f16": None, "w8a16": 8, "w4a16": 4}[self.value]

    @property
    def pipeline(self) -> str:
        return f"tpu-{self.value}"

    @property
    def label(self) -> str:
        return {"f16": "F16", "w8a16": "W8A16", "w4a16": "W4A16"}[self.value]


MODE_NAMES: tuple[str, ...] = tuple(m.value for m in Mode)


def parse_mode(text: str | Mode) -> Mode:
    """A mode from its name (any case, `tpu-` prefix allowed); ValueError lists the valid."""
    if isinstance(text, Mode):
        return text
    name = text.strip().lower().removeprefix("tpu-")
    try:
        return Mode(name)
    except ValueError:
        raise ValueError(f"unknown mode '{text}' (valid: {', '.join(MODE_NAMES)})") from None


def mode_of_module(module_mode: str) -> Mode | None:
    """The mode a lowered module was lowered with, from its `module.mode` attribute."""
    for mode in Mode:
        if mode.module_mode == module_mode:
            return mode
    return None
