"""Import contracts over the whole installed tree (issue 13's guard for the layers).

The core (every module of `ir_studio` outside the three front ends) imports no front end
and no front-end framework; the language server and the terminal UI do not import each
other. The module list is read from the import graph (grimp, import-linter's engine), so
a new module is covered the moment it exists: nothing here is a hand-picked list.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import grimp

FRONT_ENDS = ("ir_studio.lsp", "ir_studio.tui", "ir_studio.cli")
FRAMEWORKS = {"ir_studio.lsp": ("pygls", "lsprotocol"), "ir_studio.tui": ("textual",)}
# The package's `python -m ir_studio` entry point dispatches to the CLI by definition.
ENTRY_POINTS = {"ir_studio.__main__"}
ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("ir_studio", include_external_packages=True)


def _under(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _violations(importers: list[str], forbidden: tuple[str, ...]) -> list[str]:
    graph = _graph()
    found = []
    for importer in importers:
        for imported in graph.find_modules_directly_imported_by(importer):
            if _under(imported, forbidden):
                found.append(f"{importer} -> {imported}")
    return sorted(found)


def _modules_of(package: str) -> list[str]:
    return [m for m in _graph().modules if _under(m, (package,))]


def test_the_graph_sees_every_front_end() -> None:
    """Guards the guard: an empty graph (wrong install) would make every contract pass."""
    modules = _graph().modules
    for package in (*FRONT_ENDS, "ir_studio.document", "ir_studio.tpu"):
        assert package in modules, f"{package} is not in the import graph"
    assert len(modules) > 100


def test_the_core_imports_no_front_end_and_no_framework() -> None:
    core = [
        m for m in _graph().modules
        if _under(m, ("ir_studio",)) and not _under(m, FRONT_ENDS) and m not in ENTRY_POINTS
    ]
    forbidden = (*FRONT_ENDS, "textual", "pygls", "lsprotocol")
    assert _violations(core, forbidden) == []


def test_the_server_and_the_terminal_ui_do_not_import_each_other() -> None:
    lsp = _modules_of("ir_studio.lsp")
    tui = _modules_of("ir_studio.tui")
    assert _violations(lsp, ("ir_studio.tui", *FRAMEWORKS["ir_studio.tui"])) == []
    assert _violations(tui, ("ir_studio.lsp", *FRAMEWORKS["ir_studio.lsp"])) == []


def test_import_linter_contracts_hold() -> None:
    """The same contracts for developers (`lint-imports`), run from outside the checkout
    so that the repository's folders do not shadow the installed package."""
    code = (
        "import sys\nfrom importlinter.cli import lint_imports_command\n"
        f"sys.argv = ['lint-imports', {str(ROOT / 'pyproject.toml')!r}]\n"
        "lint_imports_command()\n"
    )
    env = {**os.environ, "PYTHONSAFEPATH": "1"}
    result = subprocess.run(
        [sys.executable, "-P", "-c", code],
        capture_output=True, text=True, cwd="/", env=env, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
