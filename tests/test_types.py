"""pyright over the package (issue 13's type guard): basic mode, zero errors.

The settings live in pyproject's `[tool.pyright]`. Type-ignore comments are turned off
there, so every suppression is a `# pyright: ignore[rule]` that names its rule, and one
that no longer hides anything is itself an error. The interpreter running the tests is
handed to pyright so it sees the same installed packages, including the editable link
tree that maps `lsp/` and `tui/` to `ir_studio.lsp` and `ir_studio.tui`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIRS = ("ir_studio", "lsp", "tui")
SHOWN = 20


def _pyright() -> str | None:
    beside = Path(sys.executable).parent / "pyright"
    return str(beside) if beside.exists() else shutil.which("pyright")


def _package_sources() -> list[Path]:
    return sorted(p for d in PACKAGE_DIRS for p in (ROOT / d).rglob("*.py"))


def test_pyright_finds_no_errors_in_the_package() -> None:
    pyright = _pyright()
    if pyright is None:
        pytest.skip("pyright is not installed (pip install pyright, or the `test` extra)")
    result = subprocess.run(
        [pyright, "--pythonpath", sys.executable, "--outputjson", "--project", str(ROOT)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright gave no report (exit {result.returncode}):\n"
                    f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    summary = report["summary"]
    # Guards the guard: a wrong include list would check nothing and pass.
    assert summary["filesAnalyzed"] >= len(_package_sources()) * 0.9, summary
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    shown = "\n".join(
        f"{Path(d['file']).relative_to(ROOT)}:{d['range']['start']['line'] + 1}: "
        f"{d['message'].splitlines()[0]} ({d.get('rule', '')})"
        for d in errors[:SHOWN]
    )
    assert not errors, f"{len(errors)} pyright errors, the first {SHOWN}:\n{shown}"


def test_every_suppression_names_its_rule_and_why() -> None:
    """`# type: ignore` is inert under the project's settings (it would hide nothing and
    say nothing), and a bare `# pyright: ignore` would hide every rule on its line."""
    bare_type_ignore = re.compile(r"#\s*type:\s*ignore")
    pyright_ignore = re.compile(r"#\s*pyright:\s*ignore(\[[A-Za-z, ]+\])?(\s*#\s*\S.*)?$")
    problems = []
    for path in _package_sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            if bare_type_ignore.search(line):
                problems.append(f"{where}: `# type: ignore` (use `# pyright: ignore[rule]`)")
            match = pyright_ignore.search(line)
            if match and (match.group(1) is None or match.group(2) is None):
                problems.append(f"{where}: a pyright ignore needs [rule] and a `# reason`")
    assert problems == []
