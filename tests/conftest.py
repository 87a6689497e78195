from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TIERS = ("unit", "e2e", "oracle", "editors")
# First match wins; a test that carries a tier marker itself keeps it.
_TIER_BY_PATH = (
    ("differential/", "oracle"),
    ("editors/", "editors"),
    ("grammars/test_textmate.py", "editors"),
    ("lsp/", "e2e"),
    ("tui/test_terminal.py", "e2e"),
    ("cli/", "e2e"),
    ("test_types.py", "e2e"),  # pyright over the whole tree: a minute, not a unit test
)


def _tier(item: pytest.Item) -> str:
    """Why by path: a tier says what a test needs (processes, outside tools, editors), and
    that follows from where it lives; a new test file lands in the right tier unmarked."""
    relative = item.path.as_posix().split("/tests/", 1)[-1]
    if "mlir_opt" in getattr(item, "fixturenames", ()):
        return "oracle"
    for prefix, tier in _TIER_BY_PATH:
        if relative.startswith(prefix):
            return tier
    return "unit"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if not any(item.get_closest_marker(tier) for tier in TIERS):
            item.add_marker(getattr(pytest.mark, _tier(item)))

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
