"""What upstream pipelines print must parse: mlir-opt runs each pipeline below over the
whole valid corpus (one `--split-input-file` run), and ir-studio must report no error on
its output, then print every chunk back in a form mlir-opt accepts.

Every file mlir-opt prints is valid by construction, so any ir-studio error here is a
false one: this suite found the missing `llvm.mlir.poison`, vector casts, GEP flags and
more. Pipelines into dialects xDSL does not have (spirv, nvvm, omp) are left out."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ir_studio.document import build_document
from ir_studio.printing import print_ir
from tests.differential.oracle import corpus_files

PIPELINES = (
    "--mlir-print-op-generic",  # MLIR's generic form of every op, properties included
    "--canonicalize --cse",
    "--lower-affine",
    "--convert-scf-to-cf",
    "--convert-linalg-to-loops",
    "--convert-linalg-to-affine-loops",
    "--linalg-generalize-named-ops",
    "--one-shot-bufferize=bufferize-function-boundaries",
    "--gpu-kernel-outlining",
    "--convert-vector-to-scf",
    "--convert-vector-to-llvm",
    "--convert-math-to-llvm",
    "--convert-index-to-llvm",
    "--expand-strided-metadata",
    "--affine-loop-tile=tile-size=4",
    "--arith-expand",
    "--convert-to-llvm",
    "--lower-affine --convert-scf-to-cf --convert-arith-to-llvm --convert-func-to-llvm "
    "--finalize-memref-to-llvm --reconcile-unrealized-casts",
    "--affine-expand-index-ops",
    "--linalg-fuse-elementwise-ops",
    "--lower-vector-multi-reduction",
    "--lower-vector-mask",
    "--fold-memref-alias-ops",
    "--math-expand-ops",
    "--gpu-kernel-outlining --gpu-async-region",
    "--one-shot-bufferize=bufferize-function-boundaries --convert-linalg-to-loops "
    "--lower-affine --convert-scf-to-cf",
)
SEPARATOR = "\n// -----\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "all.mlir"
    path.write_text(SEPARATOR.join(p.read_text() for p in corpus_files("valid")))
    return path


@pytest.mark.oracle
@pytest.mark.parametrize("pipeline", PIPELINES)
def test_ir_studio_reads_what_mlir_opt_prints(mlir_opt: str, corpus: Path, pipeline: str,
                                              tmp_path: Path) -> None:
    # A pass may fail on some chunk (exit 1): the other chunks are still printed.
    produced = subprocess.run(
        [mlir_opt, "--allow-unregistered-dialect", "--split-input-file", *pipeline.split(),
         str(corpus)], capture_output=True, text=True, timeout=120).stdout
    assert produced.count("// -----") >= len(corpus_files("valid")) // 2
    document = build_document(f"{pipeline}.mlir", 0, produced)
    errors = [d for d in document.diagnostics if d.severity == 1]
    lines = produced.splitlines()
    assert errors == [], "\n".join(
        f"{document.lines.position(d.span.start).line + 1}: {d.message}\n    "
        f"{lines[document.lines.position(d.span.start).line].strip()}" for d in errors[:5])
    printed = tmp_path / "printed.mlir"
    printed.write_text(SEPARATOR.join(print_ir(module) for module in document.modules()))
    back = subprocess.run([mlir_opt, "--allow-unregistered-dialect", "--split-input-file",
                           str(printed), "-o", "/dev/null"],
                          capture_output=True, text=True, timeout=120)
    assert back.returncode == 0, back.stderr[:2000]
