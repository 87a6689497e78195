"""The VS Code extension builds (`npm run compile`) and packages to a .vsix with vsce, both
offline, and every file its manifest contributes exists (skips without npm or its
node_modules; `.ci/run` runs `npm ci`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[2] / "editors" / "vscode"


def _npm(*args: str) -> subprocess.CompletedProcess[str]:
    npm = shutil.which("npm")
    if npm is None or not (EXTENSION / "node_modules" / "vscode-languageclient").is_dir():
        pytest.skip("npm and the extension's packages are needed: npm ci --prefix editors/vscode")
    return subprocess.run([npm, *args], cwd=EXTENSION, capture_output=True, text=True,
                          timeout=600)


def test_extension_builds_packages_and_its_contributions_exist() -> None:
    compiled = _npm("run", "compile")
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    assert (EXTENSION / "out" / "extension.js").is_file()
    manifest = json.loads((EXTENSION / "package.json").read_text())
    contributes = manifest["contributes"]
    for language in contributes["languages"]:
        assert (EXTENSION / language["configuration"]).is_file(), language
    for grammar in contributes["grammars"]:
        assert (EXTENSION / grammar["path"]).is_file(), grammar
    assert {c["command"] for c in contributes["commands"]} == {
        "irStudio.restart", "irStudio.lowerWithPipeline"}
    settings = contributes["configuration"]["properties"]
    assert {"irStudio.server.command", "irStudio.server.args", "irStudio.trace.server"} <= set(
        settings)
    assert {e.split(":")[1] for e in manifest["activationEvents"]} == {"mlir", "llvm", "toy"}
    packaged = _npm("run", "package")
    assert packaged.returncode == 0, packaged.stdout + packaged.stderr
    with zipfile.ZipFile(EXTENSION / "ir-studio.vsix") as vsix:
        names = set(vsix.namelist())
    for required in ("extension/package.json", "extension/out/extension.js",
                     "extension/syntaxes/mlir.tmLanguage.json",
                     "extension/node_modules/vscode-languageclient/package.json"):
        assert required in names, required
