"""The TextMate grammars in grammars/, run by a real TextMate engine (vscode-textmate with
vscode-oniguruma from npm) over every sample file; representative tokens get the
expected scopes. Skips when Node or the npm packages are missing (`.ci/run` installs
them with `npm ci`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "textmate"
GRAMMARS = Path(str(resources.files("ir_studio.grammars")))
SAMPLES = Path(str(resources.files("ir_studio.sample_ir")))


def _tokens(grammar: str, scope: str, path: Path) -> list[tuple[int, int, int, str, list[str]]]:
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "vscode-textmate").is_dir():
        pytest.skip("node and vscode-textmate are needed: npm ci --prefix tests/grammars/textmate")
    result = subprocess.run(
        [node, str(HERE / "tokenize.js"), str(GRAMMARS / grammar), scope, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [tuple(t) for t in json.loads(result.stdout)]  # type: ignore[misc]


def _scope_of(tokens: list, text: str) -> list[str]:  # type: ignore[type-arg]
    return next(t[4] for t in tokens if t[3] == text)


@pytest.mark.parametrize("path", sorted(SAMPLES.rglob("*.mlir")), ids=lambda p: p.name)
def test_every_mlir_sample_tokenizes(path: Path) -> None:
    tokens = _tokens("mlir.tmLanguage.json", "source.mlir", path)
    assert tokens


def test_representative_mlir_scopes() -> None:
    tokens = _tokens("mlir.tmLanguage.json", "source.mlir", SAMPLES / "demo.mlir")
    assert "comment.line.double-slash.mlir" in _scope_of(
        tokens,
        "// A small multi-dialect program: a loop nest with scf, arith and memref, and a caller.",
    )
    assert "variable.other.ssa.mlir" in _scope_of(tokens, "%c0")
    assert "entity.name.function.symbol.mlir" in _scope_of(tokens, "@sum_rows")
    assert "entity.name.function.operation.mlir" in _scope_of(tokens, "addf")
    assert "support.other.namespace.dialect.mlir" in _scope_of(tokens, "arith")
    assert "storage.type.builtin.mlir" in _scope_of(tokens, "f32")
    tpu = _tokens("mlir.tmLanguage.json", "source.mlir", SAMPLES / "tpu" / "glm_block.mlir")
    assert "constant.other.attribute-alias.mlir" in _scope_of(tpu, "#loc1")
    assert "keyword.other.location.mlir" in _scope_of(tpu, "loc")


@pytest.mark.parametrize("path", sorted(SAMPLES.rglob("*.toy")), ids=lambda p: p.name)
def test_toy_samples(path: Path) -> None:
    tokens = _tokens("toy.tmLanguage.json", "source.toy", path)
    assert "keyword.control.toy" in _scope_of(tokens, "def")
    assert "support.function.builtin.toy" in _scope_of(tokens, "print")


def test_llvm_ir_from_the_toy_pipeline(tmp_path: Path) -> None:
    ll = tmp_path / "ch6.ll"
    emitted = subprocess.run(
        [
            sys.executable,
            "-P",
            "-m",
            "ir_studio",
            "lower",
            str(SAMPLES / "toy" / "ch6_llvm.toy"),
            "--emit",
            "llvm",
            "-o",
            str(ll),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert emitted.returncode == 0
    tokens = _tokens("llvm.tmLanguage.json", "source.llvm", ll)
    assert "keyword.other.llvm" in _scope_of(tokens, "define")
    assert "entity.name.function.global.llvm" in _scope_of(tokens, '@"printf"')
    assert "keyword.operator.instruction.llvm" in _scope_of(tokens, "getelementptr")
    assert "storage.type.llvm" in _scope_of(tokens, "double")
