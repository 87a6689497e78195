"""A TPU graph's cost is computed when its version is built, before any request."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ir_studio.lsp.features.tpu_cost import ready, warm

from ir_studio.document import build_document

SAMPLE = Path(str(resources.files("ir_studio.sample_ir").joinpath("tpu"))) / "glm_block_cache.mlir"


def test_a_built_tpu_version_is_simulated_before_anyone_asks() -> None:
    document = build_document("file:///warm.mlir", 3, SAMPLE.read_text())
    started = warm(document)
    assert started is not None
    started.result(timeout=30)
    cost = ready(document)
    assert cost is not None
    assert "main" in cost.functions
    plain = build_document("file:///plain.mlir", 1, "func.func @f() {\n  return\n}\n")
    assert warm(plain) is None
