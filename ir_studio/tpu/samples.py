"""The bundled TPU samples: a small GLMBlock (hidden 256) with deterministic weights,
prefill and decode, and the full-size ChatGLM2-6B block graphs (shape-only).

Regenerate with `ir-studio tpu sample sample_ir/tpu`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ir_studio.tpu.model import CHATGLM2_6B, GLMConfig, block_inputs, build_block


def write_samples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    small = GLMConfig()
    for decode, stem in ((False, "glm_block"), (True, "glm_block_cache")):
        built = build_block(small, decode=decode)
        text, weights = built.text, built.weights
        # prefill and decode share one weight file: same layer, same loc names
        text = text.replace("glm_block_cache_top_f32", "glm_block_top_f32")
        path = folder / f"{stem}.mlir"
        path.write_text(text, encoding="utf-8")
        inputs = folder / f"{stem}_inputs.npz"
        np.savez(inputs, **block_inputs(small, decode=decode))  # pyright: ignore[reportArgumentType]  # no input is named allow_pickle
        written += [path, inputs]
        if not decode:
            npz = folder / "glm_block_top_f32_all_weight.npz"
            np.savez(npz, **weights)  # pyright: ignore[reportArgumentType]  # no weight is named allow_pickle
            written.append(npz)
    for decode, stem in ((False, "chatglm2_6b_block_prefill"), (True, "chatglm2_6b_block_decode")):
        text = build_block(CHATGLM2_6B, decode=decode, with_weights=False).text
        text = text.replace('module.weight_file = "glm_block', f'module.weight_file = "{stem}')
        path = folder / f"{stem}.mlir"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
