"""`tpu estimate`: a whole LLM (embedding, every block, lm_head) for one prefill step and
one decode step, lowered in a mode and simulated; models come from a Hugging Face style
config.json or a built-in preset."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from xdsl.ir import Operation

from ir_studio.tpu.chip import Chip
from ir_studio.tpu.files import parse_module
from ir_studio.tpu.lowering import lower_to_tpu
from ir_studio.tpu.model import CHATGLM2_6B, GLMConfig, build_model
from ir_studio.tpu.simulate import Timeline, TimelineSummary, simulate

PRESETS = {"chatglm2-6b": CHATGLM2_6B}


def config_from_json(path: Path, seq: int | None) -> GLMConfig:
    """ChatGLM2's config.json names (hidden_size, ffn_hidden_size, num_layers,
    num_attention_heads, multi_query_group_num, kv_channels, padded_vocab_size,
    seq_length); common Llama-style names are accepted too."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def pick(*names: str) -> int:
        for name in names:
            if name in data:
                return int(data[name])
        raise KeyError(f"config.json has none of {names}")

    hidden = pick("hidden_size")
    heads = pick("num_attention_heads")
    return GLMConfig(
        hidden=hidden,
        ffn=pick("ffn_hidden_size", "intermediate_size"),
        heads=heads,
        kv_groups=pick("multi_query_group_num", "num_key_value_heads"),
        head_dim=int(data.get("kv_channels", hidden // heads)),
        vocab=pick("padded_vocab_size", "vocab_size"),
        layers=pick("num_layers", "num_hidden_layers"),
        seq=seq or min(pick("seq_length", "max_position_embeddings"), 512),
    )


class EstimateSummary(TypedDict):
    """The JSON form of an estimate, typed so its readers can do arithmetic on it."""

    mode: str
    prefill_s: float
    decode_s_per_token: float
    decode_tokens_per_s: float
    weight_bytes: int
    kv_cache_bytes: int
    prefill: TimelineSummary
    decode: TimelineSummary


@dataclass(frozen=True)
class Estimate:
    mode: str
    prefill: Timeline
    decode: Timeline
    weight_bytes: int
    kv_cache_bytes: int

    def as_dict(self) -> EstimateSummary:
        return {
            "mode": self.mode,
            "prefill_s": self.prefill.total_s,
            "decode_s_per_token": self.decode.total_s,
            "decode_tokens_per_s": 1.0 / self.decode.total_s if self.decode.total_s else 0.0,
            "weight_bytes": self.weight_bytes,
            "kv_cache_bytes": self.kv_cache_bytes,
            "prefill": self.prefill.summary(),
            "decode": self.decode.summary(),
        }


def _weight_bytes(module: Operation) -> int:
    from xdsl.dialects.builtin import TensorType

    from ir_studio.tpu.kernels import _bytes

    return sum(
        _bytes(op.results[0].type)
        for op in module.walk()
        if op.name == "top.Weight" and isinstance(op.results[0].type, TensorType)
    )


def estimate(cfg: GLMConfig, mode: str, chip: Chip, group: int = 64) -> Estimate:
    timelines = {}
    weights = 0
    for decode in (False, True):
        text, _ = build_model(cfg, decode=decode)
        module, diagnostics = parse_module(text, "model.mlir")
        if module is None:
            raise ValueError(f"the generated model does not parse: {diagnostics[0].message}")
        lowered = lower_to_tpu(module, mode, group, None)
        timelines[decode] = simulate(lowered.module, chip)
        weights = _weight_bytes(lowered.module)
    kv = 2 * cfg.layers * cfg.seq * cfg.kv_groups * cfg.head_dim * 2
    return Estimate(mode, timelines[False], timelines[True], weights, kv)
