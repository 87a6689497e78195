"""`tpu estimate`: a whole LLM (embedding, every block, lm_head) for one prefill step and
one decode step, lowered in a mode and simulated; models come from a Hugging Face style
config.json or a built-in preset, which also says which layers the deployment keeps F16.

Speed without approximation: every op starts only after the stores of its operands, and
the GDMA queue is in order, so an op's loads wait for the previous op's last store, which
waits for its last compute: no two ops overlap and every figure of a simulation (time,
busy time per engine, overlap, bytes, FLOPs, instructions) is a sum over ops. The blocks
are identical, so a model of L layers costs T(1) + (L - 1) * (T(2) - T(1)): two small
models are simulated instead of the whole one (`tests/tpu/test_estimate.py` checks this
against the full simulation).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from xdsl.dialects.builtin import ModuleOp, TensorType

from ir_studio.tpu.chip import Chip
from ir_studio.tpu.lowering import lower_to_tpu
from ir_studio.tpu.model import CHATGLM2_6B, GLMConfig, build_model
from ir_studio.tpu.modes import Mode, parse_mode
from ir_studio.tpu.simulate import simulate


@dataclass(frozen=True)
class ModelPreset:
    config: GLMConfig
    keep_f16: tuple[str, ...] = ()
    """Layers the deployment keeps F16 in the quantised modes."""
    source: str = ""


PRESETS: dict[str, ModelPreset] = {
    "chatglm2-6b": ModelPreset(
        CHATGLM2_6B,
        keep_f16=("embedding", "lm_head"),
        source="sophon-demo ChatGLM2 gen_int8bmodel_mlir.sh / gen_int4bmodel_mlir.sh: "
        "only the 28 GLM blocks are quantised; embedding and lm_head stay F16",
    ),
}


def config_from_json(path: Path, seq: int | None) -> GLMConfig:
    """ChatGLM2's config.json names (hidden_size, ffn_hidden_size, num_layers,
    num_attention_heads, multi_query_group_num, kv_channels, padded_vocab_size,
    seq_length); common Llama-style names are accepted too."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("config.json is not a JSON object")

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




@dataclass(frozen=True)
class Phase:
    """One step (prefill or decode) of the whole model: chip time from the simulation,
    plus the host's time for launching the step's networks."""

    chip_s: float
    host_s: float
    figures: dict[str, float]
    by_kind: dict[str, float]
    """Engine busy time per instruction kind (GDMA load/store, BDC matmul/cast/...)."""

    @property
    def total_s(self) -> float:
        return self.chip_s + self.host_s

    def as_dict(self) -> dict[str, object]:
        f = self.figures
        total = self.total_s
        return {
            "total_s": total,
            "chip_s": self.chip_s,
            "host_s": self.host_s,
            "gdma_busy_s": f["gdma_busy_s"],
            "bdc_busy_s": f["bdc_busy_s"],
            "overlap_s": f["overlap_s"],
            "gdma_utilisation": f["gdma_busy_s"] / total if total else 0.0,
            "bdc_utilisation": f["bdc_busy_s"] / total if total else 0.0,
            "bytes_loaded": int(f["bytes_loaded"]),
            "bytes_stored": int(f["bytes_stored"]),
            "flops": int(f["flops"]),
            "instructions": int(f["instructions"]),
            "engines": {
                engine: {
                    k.split(".", 1)[1]: v
                    for k, v in sorted(self.by_kind.items())
                    if k.startswith(f"{engine}.")
                }
                for engine in ("GDMA", "BDC")
            }
            | {"host": {"launches": self.host_s}},
        }


@dataclass(frozen=True)
class Estimate:
    mode: Mode
    prefill: Phase
    decode: Phase
    weight_bytes: int
    kv_cache_bytes: int
    keep_f16: tuple[str, ...]
    chip: Chip = field(repr=False)

    def as_dict(self) -> dict[str, object]:
        decode = self.decode.total_s
        return {
            "mode": self.mode.value,
            "prefill_s": self.prefill.total_s,
            "decode_s_per_token": decode,
            "decode_tokens_per_s": 1.0 / decode if decode else 0.0,
            "weight_bytes": self.weight_bytes,
            "kv_cache_bytes": self.kv_cache_bytes,
            "keep_f16": list(self.keep_f16),
            "prefill": {"chip": self.chip.name, **self.prefill.as_dict()},
            "decode": {"chip": self.chip.name, **self.decode.as_dict()},
            "chip": self.chip.name,
            "parameters": self.chip.parameters(),
        }


def weight_bytes(module: ModuleOp) -> int:
    from ir_studio.tpu.kernels import _bytes

    return sum(
        _bytes(op.results[0].type)
        for op in module.walk()
        if op.name == "top.Weight" and isinstance(op.results[0].type, TensorType)
    )


@lru_cache(maxsize=16)
def _top_model(cfg: GLMConfig, decode: bool) -> ModuleOp:
    """The top-dialect model, built with xDSL builders once per shape (lowering clones)."""
    return build_model(cfg, decode=decode).module


def _figures(
    cfg: GLMConfig, decode: bool, mode: Mode, chip: Chip, group: int, keep: tuple[str, ...]
) -> tuple[dict[str, float], dict[str, float], int]:
    """(additive figures, engine busy time per instruction kind, weight bytes)."""
    lowered = lower_to_tpu(_top_model(cfg, decode), mode, group, None, keep_f16=keep).module
    timeline = simulate(lowered, chip)
    figures = {
        "total_s": timeline.total_s,
        "gdma_busy_s": timeline.busy_s["GDMA"],
        "bdc_busy_s": timeline.busy_s["BDC"],
        "overlap_s": timeline.overlap_s,
        "bytes_loaded": float(timeline.bytes_loaded),
        "bytes_stored": float(timeline.bytes_stored),
        "flops": float(timeline.flops),
        "instructions": float(len(timeline.instrs)),
    }
    by_kind: dict[str, float] = {}
    for instr in timeline.instrs:
        key = f"{instr.engine}.{instr.kind}"
        by_kind[key] = by_kind.get(key, 0.0) + instr.duration
    return figures, by_kind, weight_bytes(lowered)


def _extrapolate(one: dict[str, float], two: dict[str, float], layers: int) -> dict[str, float]:
    keys = one.keys() | two.keys()
    return {k: one.get(k, 0.0) + (layers - 1) * (two.get(k, 0.0) - one.get(k, 0.0)) for k in keys}


def launches_per_step(cfg: GLMConfig) -> int:
    """Networks the runtime launches per step: embedding, each block, lm_head (LLM-TPU's
    export: one bmodel network per part)."""
    return cfg.layers + 2


def estimate(
    cfg: GLMConfig,
    mode: Mode | str,
    chip: Chip,
    group: int = 64,
    keep_f16: tuple[str, ...] = (),
) -> Estimate:
    mode = parse_mode(mode)
    phases: dict[bool, Phase] = {}
    weights = 0
    for decode in (False, True):
        runs = [
            _figures(replace(cfg, layers=n), decode, mode, chip, group, keep_f16) for n in (1, 2)
        ]
        figures = _extrapolate(runs[0][0], runs[1][0], cfg.layers)
        by_kind = _extrapolate(runs[0][1], runs[1][1], cfg.layers)
        weights = round(runs[0][2] + (cfg.layers - 1) * (runs[1][2] - runs[0][2]))
        host = launches_per_step(cfg) * chip.host_s_per_launch
        phases[decode] = Phase(figures["total_s"], host, figures, by_kind)
    kv = 2 * cfg.layers * cfg.seq * cfg.kv_groups * cfg.head_dim * 2
    return Estimate(mode, phases[False], phases[True], weights, kv, keep_f16, chip)
