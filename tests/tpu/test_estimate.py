"""`tpu estimate` against the measured chip, its JSON, and the shortcuts that make it fast
(the model built with xDSL builders, the per-layer extrapolation) checked for exactness."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace

import pytest

from ir_studio.printing import print_ir
from ir_studio.tpu.chip import BM1684X
from ir_studio.tpu.estimate import PRESETS, Estimate, estimate
from ir_studio.tpu.files import parse_module
from ir_studio.tpu.lowering import lower_to_tpu
from ir_studio.tpu.model import GLMConfig, build_model
from ir_studio.tpu.modes import Mode
from ir_studio.tpu.simulate import simulate

MEASURED = {  # sophon-demo ChatGLM2-6B on BM1684X, seq 512: (prefill s, decode tokens/s)
    Mode.F16: (1.21, 3.96),
    Mode.W8A16: (0.89, 8.64),
}
CHATGLM2 = PRESETS["chatglm2-6b"]


@pytest.fixture(scope="module")
def estimates() -> dict[Mode, Estimate]:
    return {mode: estimate(CHATGLM2.config, mode, BM1684X, 64, CHATGLM2.keep_f16) for mode in Mode}


@pytest.mark.parametrize("mode", list(MEASURED))
def test_decode_within_10_and_prefill_within_15_percent_of_the_chip(
    estimates: dict[Mode, Estimate], mode: Mode
) -> None:
    prefill, tokens_per_s = MEASURED[mode]
    got = estimates[mode].as_dict()
    assert abs(got["decode_tokens_per_s"] / tokens_per_s - 1) < 0.10  # type: ignore[operator]
    assert abs(got["prefill_s"] / prefill - 1) < 0.15  # type: ignore[operator]


def test_w8a16_to_f16_decode_ratio_within_10_percent(estimates: dict[Mode, Estimate]) -> None:
    ratio = estimates[Mode.W8A16].decode.total_s and (
        estimates[Mode.F16].decode.total_s / estimates[Mode.W8A16].decode.total_s
    )
    assert abs(ratio / (8.64 / 3.96) - 1) < 0.10


def test_modes_order_as_their_weight_bytes(estimates: dict[Mode, Estimate]) -> None:
    f16, w8, w4 = (estimates[m] for m in (Mode.F16, Mode.W8A16, Mode.W4A16))
    assert f16.decode.total_s > w8.decode.total_s > w4.decode.total_s
    assert f16.weight_bytes > w8.weight_bytes > w4.weight_bytes


def test_the_deployed_lm_head_stays_f16_and_is_read_every_token() -> None:
    kept = estimate(CHATGLM2.config, Mode.W8A16, BM1684X, 64, ("embedding", "lm_head"))
    quantised = estimate(CHATGLM2.config, Mode.W8A16, BM1684X, 64, ())
    lm_head_f16 = CHATGLM2.config.hidden * CHATGLM2.config.vocab * 2
    extra = kept.weight_bytes - quantised.weight_bytes
    assert abs(extra - lm_head_f16 / 2) < lm_head_f16 * 0.01  # int8 half plus scales
    read = kept.decode.figures["bytes_loaded"] - quantised.decode.figures["bytes_loaded"]
    assert abs(read - lm_head_f16 / 2) < lm_head_f16 * 0.01
    assert kept.decode.total_s > quantised.decode.total_s


def test_per_layer_extrapolation_equals_the_full_simulation() -> None:
    cfg = GLMConfig(layers=3, seq=16)
    for mode in Mode:
        got = estimate(cfg, mode, BM1684X, 32, ("lm_head",))
        for decode, phase in ((False, got.prefill), (True, got.decode)):
            module = build_model(cfg, decode=decode).module
            lowered = lower_to_tpu(module, mode, 32, None, keep_f16=("lm_head",)).module
            full = simulate(lowered, BM1684X).summary()
            assert phase.chip_s == pytest.approx(full["total_s"], rel=1e-9)
            for key in ("gdma_busy_s", "bdc_busy_s", "overlap_s", "bytes_loaded", "flops"):
                assert phase.figures[key] == pytest.approx(full[key], rel=1e-9), key
            assert phase.figures["instructions"] == pytest.approx(full["instructions"])


@pytest.mark.parametrize("decode", [False, True])
def test_the_built_module_is_the_module_its_text_describes(decode: bool) -> None:
    built = build_model(GLMConfig(layers=2), decode=decode, with_text=True)
    parsed, diagnostics = parse_module(built.text, "model.mlir")
    assert parsed is not None, diagnostics
    built.module.verify()

    def printed(module: object) -> list[str]:
        """Every op with its attributes, types and location; the func and return ops
        carry file positions only when parsed, so those are dropped."""
        text = print_ir(module, generic=True, debuginfo=True)  # type: ignore[arg-type]
        return [
            re.sub(r' loc\("model.mlir":\d+:\d+\)| loc\(unknown\)', "", line)
            for line in text.splitlines()
        ]

    assert printed(built.module) == printed(parsed)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-P", "-m", "ir_studio", "tpu", "estimate", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_estimate_json_keeps_its_keys_and_adds_engines_and_parameters() -> None:
    result = _cli("--mode", "w8a16", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in ("prefill_s", "decode_s_per_token", "decode_tokens_per_s", "weight_bytes"):
        assert isinstance(data[key], float | int)
    assert data["decode_tokens_per_s"] == pytest.approx(1 / data["decode_s_per_token"])
    assert data["keep_f16"] == ["embedding", "lm_head"]
    for phase in ("prefill", "decode"):
        old_keys = {"chip", "total_s", "gdma_busy_s", "bdc_busy_s", "gdma_utilisation"}
        old_keys |= {"bdc_utilisation", "overlap_s", "bytes_loaded", "bytes_stored", "flops"}
        assert old_keys | {"instructions"} <= data[phase].keys()
        engines = data[phase]["engines"]
        assert {"load", "store"} <= engines["GDMA"].keys()
        assert {"matmul", "cast", "scale"} <= engines["BDC"].keys()
        busy = sum(engines["GDMA"].values())
        assert busy == pytest.approx(data[phase]["gdma_busy_s"], rel=1e-6)
        assert data[phase]["total_s"] == pytest.approx(
            data[phase]["chip_s"] + data[phase]["host_s"]
        )
    assert data["prefill"]["total_s"] == data["prefill_s"]
    params = data["parameters"]
    assert params["ddr_efficiency"]["source"].startswith("CALIBRATED")
    assert all(p["source"] for p in params.values()), "every parameter says where it is from"


def test_estimate_all_modes_and_keep_f16_override() -> None:
    result = _cli("--mode", "all", "--json", "--keep-f16", "")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["mode"] for d in data] == ["f16", "w8a16", "w4a16"]
    assert all(d["keep_f16"] == [] for d in data)
    text = _cli("--mode", "all")
    assert text.returncode == 0
    assert "kept F16: embedding, lm_head" in text.stdout
    assert text.stdout.count("decode per token") == 3


def test_estimate_rejects_bad_input_without_a_traceback(tmp_path: object) -> None:
    bad = _cli("--seq", "0")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert "--seq" in bad.stderr
    missing = _cli("--model", "/nonexistent/config.json")
    assert missing.returncode == 2
    assert "cannot read model config" in missing.stderr


def test_a_user_chip_file_without_the_new_fields_still_loads(tmp_path: object) -> None:
    from pathlib import Path

    from ir_studio.tpu.chip import load_chip

    data = json.loads(BM1684X.to_json())
    for key in ("ddr_efficiency", "gdma_segment_overhead_s", "cube_efficiency"):
        del data[key]
    path = Path(str(tmp_path)) / "chip.json"
    path.write_text(json.dumps(data))
    chip = load_chip(path)
    assert chip.ddr_efficiency == 1.0
    assert chip.gdma_segment_overhead_s == 0.0
    assert replace(chip, name="x").lanes == 64
