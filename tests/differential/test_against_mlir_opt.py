"""Differential suite: ir-studio check against mlir-opt (LLVM 22) as the oracle.

Target (foundation issue): the same verdict on every file, the same first error line on
at least 90% of the invalid ones. Skips with a reason when mlir-opt is absent; .ci/run
installs it so this always runs in CI.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.differential.oracle import corpus_files, ir_studio_verdict, mlir_opt_verdict

ALL = corpus_files("valid") + corpus_files("invalid")


def test_corpus_is_substantial() -> None:
    assert len(corpus_files("valid")) >= 30
    assert len(corpus_files("invalid")) >= 30


@pytest.mark.oracle
@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_verdict_as_mlir_opt(mlir_opt: str, path: Path) -> None:
    expected = mlir_opt_verdict(mlir_opt, path)
    actual = ir_studio_verdict(path)
    assert expected.ok == (path.parent.name == "valid"), f"corpus file misfiled: {expected}"
    assert actual.ok == expected.ok, f"mlir-opt: {expected.message}\nir-studio: {actual.message}"


@pytest.mark.oracle
def test_same_error_line_on_at_least_90_percent(mlir_opt: str) -> None:
    invalid = corpus_files("invalid")
    agree, disagreements = 0, []
    for path in invalid:
        expected = mlir_opt_verdict(mlir_opt, path)
        actual = ir_studio_verdict(path)
        if expected.first_error_line == actual.first_error_line:
            agree += 1
        else:
            disagreements.append(
                f"{path.stem}: mlir-opt line {expected.first_error_line}, "
                f"ir-studio line {actual.first_error_line}")
    ratio = agree / len(invalid)
    assert ratio >= 0.9, f"{ratio:.0%} agree; " + "; ".join(disagreements)
