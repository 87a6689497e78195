"""Quantisation math by hand, the lowering's IR and reports, numerics against thresholds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from ir_studio.printing import print_ir
from ir_studio.tpu.evaluator import dequantize, evaluate, unpack_int4
from ir_studio.tpu.files import load_weights, parse_module
from ir_studio.tpu.lowering import lower_to_tpu
from ir_studio.tpu.quantize import pack_int4, quantize_w4, quantize_w8

SAMPLES = Path(str(resources.files("ir_studio.sample_ir").joinpath("tpu")))


def test_w8_per_channel_by_hand() -> None:
    # W is [K=2, N=3]; channel n is column n: absmax 2.54, 1.27, 0.5
    w = np.array([[2.54, -0.635, 0.5], [-1.27, 1.27, 0.25]], dtype=np.float32)
    q, scale = quantize_w8(w)
    assert q.dtype == np.int8
    assert scale.dtype == np.float16
    assert q.shape == (3, 2)  # transposed to [N, K]
    np.testing.assert_allclose(
        scale.ravel().astype(np.float32), np.float16([0.02, 0.01, 0.5 / 127]).astype(np.float32)
    )
    # scales are stored as f16: 0.02 -> 0.0200043, 0.01 -> 0.0100021, 0.5/127 -> 0.0039368;
    # so -1.27 / 0.0200043 = -63.49 -> -63, -0.635 / 0.0100021 = -63.49 -> -63,
    # 1.27 / 0.0100021 = 126.97 -> 127, 0.25 / 0.0039368 = 63.50 -> 64
    assert q.tolist() == [[127, -63], [-63, 127], [127, 64]]


def test_w4_per_group_by_hand() -> None:
    # one output channel, K=4, one group: min -1, max 2 -> scale 0.2, zp round(5) = 5
    w = np.array([[-1.0], [0.0], [1.0], [2.0]], dtype=np.float32)
    packed, scale, zp = quantize_w4(w, group=4)
    assert float(scale[0, 0]) == pytest.approx(0.2, rel=1e-3)
    assert zp.tolist() == [[5]]
    values = unpack_int4(packed)
    assert values.tolist() == [[0, 5, 10, 15]]
    assert packed.tolist() == [[0x50, 0xFA]]  # element 0 in the low nibble of byte 0


def test_pack_and_unpack_are_inverse() -> None:
    rng = np.random.default_rng(1)
    values = rng.integers(0, 16, size=(5, 8)).astype(np.uint8)
    assert (unpack_int4(pack_int4(values)) == values).all()


def test_dequantise_is_close_to_the_weight() -> None:
    from xdsl.dialects.builtin import IntegerAttr, i64

    from ir_studio.tpu.dialects import TPU_OPS

    rng = np.random.default_rng(2)
    w = rng.standard_normal((128, 64)).astype(np.float32)
    q, scale = quantize_w8(w)
    op = TPU_OPS["A16MatMul"].create(attributes={"weight_bits": IntegerAttr(8, i64)})
    back = dequantize(op, q, scale, None)
    assert np.max(np.abs(back - w.T)) <= np.max(np.abs(w)) / 127


def _sample(name: str):
    path = SAMPLES / name
    module, diagnostics = parse_module(path.read_text(), path.name)
    assert module is not None, diagnostics
    return module, load_weights(module, path)


@pytest.mark.parametrize("mode", ["f16", "w8a16", "w4a16"])
def test_lowering_ir_and_numerics(mode: str) -> None:
    module, weights = _sample("glm_block.mlir")
    lowered = lower_to_tpu(module, mode, 64, weights, "out.npz")
    lowered.module.verify()
    text = print_ir(lowered.module, debuginfo=True)
    assert 'module.state = "TPU_LOWERED"' in text
    assert {"f16": '"F16"', "w8a16": '"W8F16"', "w4a16": '"W4F16"'}[mode] in text
    assert '"top.MatMul"' not in text
    a16 = [line for line in text.splitlines() if '"tpu.A16MatMul"' in line]
    assert len(a16) == (0 if mode == "f16" else 4)
    if mode == "w8a16":
        assert "tensor<384x256xsi8>" in a16[0]
        assert "tensor<384x1xf16>" in a16[0]
    if mode == "w4a16":
        assert "tensor<384x128xui8>" in a16[0]
        assert "tensor<384x4xf16>" in a16[0]
    # round trip: the printed module parses again to the same IR
    again, diagnostics = parse_module(text, "again.mlir")
    assert again is not None, diagnostics
    assert print_ir(again, debuginfo=True) == text
    inputs = dict(np.load(SAMPLES / "glm_block_inputs.npz"))
    ref, _ = evaluate(module, inputs, weights)
    out, _ = evaluate(lowered.module, inputs, lowered.weights)
    from ir_studio.tpu.compare import similarity

    cos = similarity("out", ref[0], out[0]).cosine
    assert cos > {"f16": 0.9999, "w8a16": 0.9999, "w4a16": 0.99}[mode]
    total_f16 = sum(r.f16_bytes for r in lowered.report)
    stored = sum(r.weight_bytes for r in lowered.report)
    assert stored == {"f16": total_f16, "w8a16": total_f16 // 2, "w4a16": total_f16 // 4}[mode]


def test_shape_only_module_lowers_without_weights() -> None:
    module, weights = _sample("chatglm2_6b_block_decode.mlir")
    assert weights is None
    lowered = lower_to_tpu(module, "w8a16", 64, None)
    lowered.module.verify()
    assert lowered.weights is None
    sizes = {r.name.rsplit(".", 1)[-1]: (r.k, r.n) for r in lowered.report}
    assert sizes["query_key_value"] == (4096, 4608)
    assert sizes["dense_h_to_4h"] == (4096, 27392)
    assert sum(r.weight_bytes for r in lowered.report) == 203_948_032 - 0  # int8: 1 byte each


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-P", "-m", "ir_studio", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


def test_cli_lower_then_compare(tmp_path: Path) -> None:
    for name in ("glm_block.mlir", "glm_block_top_f32_all_weight.npz", "glm_block_inputs.npz"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    lowered = _cli("tpu", "lower", "glm_block.mlir", "--mode", "w8a16", cwd=tmp_path)
    assert lowered.returncode == 0, lowered.stderr
    assert "layers.0.mlp.dense_h_to_4h" in lowered.stdout
    out = tmp_path / "glm_block_tpu_w8a16.mlir"
    assert out.exists()
    assert (tmp_path / "glm_block_tpu_w8a16_weight.npz").exists()
    ok = _cli(
        "tpu",
        "compare",
        "glm_block.mlir",
        out.name,
        "--inputs",
        "glm_block_inputs.npz",
        cwd=tmp_path,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "PASS" in ok.stdout
    strict = _cli(
        "tpu",
        "compare",
        "glm_block.mlir",
        out.name,
        "--tolerance",
        "0.9999999,0.9999",
        cwd=tmp_path,
    )
    assert strict.returncode == 1
    assert "FAIL" in strict.stdout


def test_numerics_without_the_weight_file_say_so(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "glm_block.mlir", tmp_path / "glm_block.mlir")
    lowered = _cli("tpu", "lower", "glm_block.mlir", "--mode", "w8a16", cwd=tmp_path)
    assert lowered.returncode == 0
    assert "shape-only" in lowered.stderr
    result = _cli("tpu", "compare", "glm_block.mlir", "glm_block_tpu_w8a16.mlir", cwd=tmp_path)
    assert result.returncode == 1
    assert "numerics need the weight file" in result.stderr
    assert "Traceback" not in result.stderr


def test_shape_errors_are_located(tmp_path: Path) -> None:
    text = (SAMPLES / "glm_block.mlir").read_text()
    bad = text.replace("tensor<256x384xf32>", "tensor<255x384xf32>")
    (tmp_path / "bad.mlir").write_text(bad)
    result = _cli("check", "bad.mlir", cwd=tmp_path)
    assert result.returncode == 1
    assert "contraction mismatch: input has K=256, right has K=255" in result.stderr
    line = next(
        i
        for i, text_line in enumerate(bad.splitlines(), 1)
        if '"top.MatMul"' in text_line and "255x384" in text_line
    )
    assert f"bad.mlir:{line}:" in result.stderr


def test_pipeline_passes_with_group_size_option(tmp_path: Path) -> None:
    result = _cli(
        "lower",
        str(SAMPLES / "glm_block.mlir"),
        "--pass-pipeline",
        "tpu-w4a16{group-size=32}",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "q_group_size = 32 : i64" in result.stdout
    assert "tensor<384x8xf16>" in result.stdout  # K=256 / 32 groups of scales per channel
    assert 'module.state = "TPU_LOWERED"' in result.stdout


def test_a_mismatched_weight_array_is_located(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "glm_block.mlir", tmp_path / "glm_block.mlir")
    weights = dict(np.load(SAMPLES / "glm_block_top_f32_all_weight.npz"))
    weights["layers.0.mlp.dense_4h_to_h.weight"] = weights["layers.0.mlp.dense_4h_to_h.weight"][:-1]
    np.savez(tmp_path / "glm_block_top_f32_all_weight.npz", **weights)
    lowered = _cli("tpu", "lower", "glm_block.mlir", "--mode", "f16", cwd=tmp_path)
    assert lowered.returncode == 0, lowered.stderr
    result = _cli("tpu", "compare", "glm_block.mlir", "glm_block_tpu_f16.mlir", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "weight 'layers.0.mlp.dense_4h_to_h.weight' has shape [511, 256] in the file"
        in result.stderr
    )
    assert 'loc("layers.0.mlp.dense_4h_to_h.weight")' in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "name", ["glm_block.mlir", "glm_block_cache.mlir", "chatglm2_6b_block_prefill.mlir"]
)
def test_top_files_parse_verify_and_print_back(name: str) -> None:
    module, _ = _sample(name)
    module.verify()
    text = print_ir(module, debuginfo=True)
    assert 'loc("layers.0.self_attention.query_key_value")' in text
    again, diagnostics = parse_module(text, "again.mlir")
    assert again is not None, diagnostics
    assert print_ir(again, debuginfo=True) == text
