"""Modes as one enum, layers kept F16, one analysis for every front end, and quantised
weights that follow a TPU graph whichever way it was lowered."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from ir_studio.tpu.analysis import analyse, needs_lowering
from ir_studio.tpu.files import load_weights, parse_module
from ir_studio.tpu.lowering import LoweringError, layer_matches, lower_to_tpu
from ir_studio.tpu.model import GLMConfig, build_model
from ir_studio.tpu.modes import Mode, parse_mode

SAMPLES = Path(str(resources.files("ir_studio.sample_ir").joinpath("tpu")))


def test_modes_parse_from_any_spelling_and_reject_others() -> None:
    assert parse_mode("W8A16") is Mode.W8A16
    assert parse_mode("tpu-w4a16") is Mode.W4A16
    assert Mode.W8A16.module_mode == "W8F16"
    assert Mode.W8A16.pipeline == "tpu-w8a16"
    with pytest.raises(ValueError, match="valid: f16, w8a16, w4a16"):
        parse_mode("int8")
    with pytest.raises(LoweringError, match="unknown mode 'int8'"):
        lower_to_tpu(build_model(GLMConfig(), decode=True).module, "int8")


def test_the_mode_enum_is_what_every_front_end_offers() -> None:
    from ir_studio.transforms import PROJECT_PASSES

    assert {m.pipeline for m in Mode} <= PROJECT_PASSES.keys()
    help_text = subprocess.run(
        [sys.executable, "-P", "-m", "ir_studio", "tpu", "lower", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "{f16,w8a16,w4a16}" in help_text


@pytest.mark.parametrize(
    ("loc", "layer", "expected"),
    [
        ("lm_head", "lm_head", True),
        ("transformer.embedding.word_embeddings.weight", "embedding", True),
        ("layers.0.mlp.dense_h_to_4h", "layers.0", True),
        ("layers.01.mlp.dense_h_to_4h", "layers.0", False),
        ("lm_head_extra", "lm_head", False),
        ("layers.3.mlp.dense_4h_to_h", "mlp.dense_4h_to_h", True),
    ],
)
def test_layer_names_match_whole_components(loc: str, layer: str, expected: bool) -> None:
    assert layer_matches(loc, layer) is expected


def _ops(module: object) -> dict[str, str]:
    from ir_studio.tpu.evaluator import loc_name

    return {loc_name(op) or "": op.name for op in module.walk()}  # type: ignore[attr-defined]


def test_kept_layers_stay_f16_and_the_others_are_quantised() -> None:
    module = build_model(GLMConfig(layers=2), decode=True).module
    lowered = lower_to_tpu(module, Mode.W8A16, keep_f16=("lm_head",)).module
    ops = _ops(lowered)
    assert ops["lm_head"] == "tpu.MatMul"
    assert ops["layers.1.mlp.dense_h_to_4h"] == "tpu.A16MatMul"
    everything = _ops(lower_to_tpu(module, Mode.W8A16).module)
    assert everything["lm_head"] == "tpu.A16MatMul"


def _folder(tmp_path: Path) -> Path:
    for name in ("glm_block.mlir", "glm_block_top_f32_all_weight.npz", "glm_block_inputs.npz"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    return tmp_path


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-P", "-m", "ir_studio", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def _compare(cwd: Path, lowered: str) -> str:
    """The output rows of `tpu compare` (thresholds loose enough for W4A16's 0.89)."""
    result = _run(
        cwd,
        "tpu",
        "compare",
        "glm_block.mlir",
        lowered,
        "--inputs",
        "glm_block_inputs.npz",
        "--tolerance",
        "0.99,0.85",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return "\n".join(line for line in result.stdout.splitlines() if line.startswith("output"))


@pytest.mark.parametrize(
    ("flag", "pipeline", "mode", "extra"),
    [
        ("--pass-pipeline", "tpu-w8a16", "w8a16", []),
        ("--pipeline", "tpu-w8a16", "w8a16", []),
        ("--pass-pipeline", "tpu-w4a16{group-size=32}", "w4a16", ["--group-size", "32"]),
    ],
)
def test_compare_works_whichever_way_the_graph_was_lowered(
    tmp_path: Path, flag: str, pipeline: str, mode: str, extra: list[str]
) -> None:
    folder = _folder(tmp_path)
    by_tpu_lower = _run(
        folder, "tpu", "lower", "glm_block.mlir", "--mode", mode, *extra, "-o", "a.mlir"
    )
    assert by_tpu_lower.returncode == 0, by_tpu_lower.stderr
    by_pipeline = _run(folder, "lower", "glm_block.mlir", flag, pipeline, "-o", "b.mlir")
    assert by_pipeline.returncode == 0, by_pipeline.stderr
    assert "tpu.A16MatMul" in (folder / "b.mlir").read_text()
    assert _compare(folder, "a.mlir") == _compare(folder, "b.mlir")


def test_pass_option_keeps_layers_f16(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = _run(
        folder,
        "lower",
        "glm_block.mlir",
        "--pass-pipeline",
        "tpu-w8a16{keep-f16=mlp}",
        "-o",
        "c.mlir",
    )
    assert result.returncode == 0, result.stderr
    text = (folder / "c.mlir").read_text()
    assert text.count('"tpu.A16MatMul"') == 2  # qkv and dense; the two mlp linears stay F16
    _compare(folder, "c.mlir")


def test_tpu_lower_keeps_layers_f16_and_writes_their_f16_weights(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = _run(folder, "tpu", "lower", "glm_block.mlir", "--keep-f16", "mlp", "-o", "d.mlir")
    assert result.returncode == 0, result.stderr
    assert (folder / "d.mlir").read_text().count('"tpu.A16MatMul"') == 2
    module, _ = parse_module((folder / "d.mlir").read_text(), "d.mlir")
    assert module is not None
    weights = load_weights(module, folder / "d.mlir")
    assert weights is not None
    assert weights["layers.0.mlp.dense_h_to_4h.weight"].dtype.name == "float16"
    assert "layers.0.self_attention.dense.weight_int8" in weights
    assert "output #0" in _compare(folder, "d.mlir")


def test_derived_weights_equal_the_written_ones(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert _run(folder, "tpu", "lower", "glm_block.mlir", "-o", "a.mlir").returncode == 0
    written_module, _ = parse_module((folder / "a.mlir").read_text(), "a.mlir")
    assert written_module is not None
    written = load_weights(written_module, folder / "a.mlir")
    top, _ = parse_module((folder / "glm_block.mlir").read_text(), "glm_block.mlir")
    assert top is not None
    lowered = lower_to_tpu(top, Mode.W8A16).module  # shape-only: names the top weights
    derived = load_weights(lowered, folder / "glm_block.mlir")
    assert written is not None
    assert derived is not None
    for key, array in written.items():
        if key.endswith(("_int8", "_scale")):
            assert (derived[key] == array).all(), key


def test_analyse_lowers_a_top_module_once_per_mode() -> None:
    module, _ = parse_module((SAMPLES / "glm_block_cache.mlir").read_text(), "x.mlir")
    assert module is not None
    assert needs_lowering(module)
    analysis = analyse(module)
    assert analysis.lowered_from_top
    assert list(analysis.timelines) == list(Mode)
    assert all(not needs_lowering(m) for m in analysis.modules.values())
    rows = analysis.summary_rows()
    assert len(rows) == 4
    assert rows[2].startswith("w8a16")
    assert needs_lowering(module)  # the input is left untouched


def test_analyse_simulates_a_lowered_module_in_its_own_mode() -> None:
    module, _ = parse_module((SAMPLES / "glm_block_cache.mlir").read_text(), "x.mlir")
    assert module is not None
    lowered = lower_to_tpu(module, Mode.W4A16).module
    analysis = analyse(lowered, [Mode.F16])
    assert not analysis.lowered_from_top
    assert list(analysis.timelines) == [Mode.W4A16]


def test_simulate_cli_reports_lowering_errors_without_a_traceback(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    ok = _run(folder, "tpu", "simulate", "glm_block.mlir", "--mode", "w4a16")
    assert ok.returncode == 0
    assert "lowered from top with w4a16" in ok.stdout
    bad = _run(folder, "tpu", "simulate", "glm_block.mlir", "--mode", "w8a16", "--chip", "nope")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


def test_analyse_reuses_a_module_the_caller_already_lowered() -> None:
    module, _ = parse_module((SAMPLES / "glm_block_cache.mlir").read_text(), "x.mlir")
    assert module is not None
    mine = lower_to_tpu(module, Mode.W8A16).module
    analysis = analyse(module, lowered={Mode.W8A16: mine, Mode.F16: module})
    assert analysis.modules[Mode.W8A16] is mine
    assert analysis.modules[Mode.F16] is not module  # still top: lowered here
    assert not needs_lowering(analysis.modules[Mode.F16])


def test_only_a_bare_mode_pipeline_names_a_reusable_lowering() -> None:
    from ir_studio.tpu.analysis import pipeline_mode

    assert pipeline_mode("tpu-w8a16") is Mode.W8A16
    assert pipeline_mode(" tpu-f16 ") is Mode.F16
    assert pipeline_mode("tpu-w4a16{group-size=32}") is None
    assert pipeline_mode("cse,tpu-w8a16") is None
