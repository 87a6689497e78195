"""The TUI's Timeline tab comes from the core's TPU analysis: each mode lowered once, the
pipeline's own W8A16 lowering reused rather than lowered again."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from ir_studio.tui.app import make_app

from ir_studio.tpu import analysis
from ir_studio.tpu.modes import Mode

SAMPLE = Path(str(resources.files("ir_studio.sample_ir"))) / "tpu" / "glm_block_cache.mlir"


@pytest.mark.asyncio
async def test_the_timeline_reuses_the_pipelines_lowering(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lowered_here: list[str] = []
    original = analysis.lower_to_tpu

    def counting(module: object, mode: object, *args: object, **kwargs: object) -> object:
        lowered_here.append(str(mode))
        return original(module, mode, *args, **kwargs)

    monkeypatch.setattr(analysis, "lower_to_tpu", counting)
    app = make_app(str(SAMPLE))
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(400):
            if app.tpu is not None:
                break
            await pilot.pause(0.05)
        assert app.tpu is not None
        assert [m for p, m in app.tpu.runs if p == "decode"] == [m.value for m in Mode]
        assert [m for p, m in app.tpu.runs if p == "prefill"] == [m.value for m in Mode]
    assert app.pipeline == "tpu-w8a16"
    # this file's W8A16 came from the pipeline; the prefill graph next to it (glm_block)
    # is lowered in every mode
    assert sorted(lowered_here) == ["f16", "f16", "w4a16", "w4a16", "w8a16"]
