"""TPU graphs: MLIR files whose ops are in the `top` or `tpu` dialects. They read,
navigate and check as MLIR; what differs is the pipeline they are lowered with."""

from __future__ import annotations

from ir_studio.languages.mlir import MLIRLanguage


class TPULanguage(MLIRLanguage):
    id = "tpu"
    title = "TPU graph (MLIR)"
    suffixes = ()
    """Chosen by content (`MLIRLanguage.specialise`), never by suffix."""
    default_pipeline = "tpu-w8a16"
