from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MLIR_OPT_CANDIDATES = ("/usr/lib/llvm-22/bin/mlir-opt", "mlir-opt-22", "mlir-opt")


def find_mlir_opt() -> str | None:
    for candidate in MLIR_OPT_CANDIDATES:
        found = shutil.which(candidate) if "/" not in candidate else (
            candidate if Path(candidate).exists() else None)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def mlir_opt() -> str:
    path = find_mlir_opt()
    if path is None:
        pytest.skip("mlir-opt (LLVM 22) is not installed: apt-get install mlir-22-tools")
    return path


def find_llvm_tool(name: str) -> str | None:
    """llvm-as / lli from Debian's llvm-22 package, or on PATH."""
    for candidate in (f"/usr/lib/llvm-22/bin/{name}", f"{name}-22", name):
        found = shutil.which(candidate) if "/" not in candidate else (
            candidate if Path(candidate).exists() else None)
        if found:
            return found
    return None
