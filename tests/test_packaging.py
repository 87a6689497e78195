"""Guards for the package-dir mapping of lsp/ and tui/ into ir_studio (design guide §2)."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def _packages_on_disk() -> set[str]:
    found: set[str] = set()
    for dotted, folder in _config()["package-dir"].items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            relative = init.parent.relative_to(base)
            parts = [p for p in relative.parts if p]
            if any(p.startswith(".") or p == "__pycache__" for p in parts):
                continue
            found.add(".".join([dotted, *parts]))
    return found


def test_every_package_folder_is_listed_for_packaging() -> None:
    assert _packages_on_disk() == set(_config()["packages"])


def test_front_ends_import_under_ir_studio_and_not_bare() -> None:
    assert importlib.util.find_spec("ir_studio.lsp") is not None
    assert importlib.util.find_spec("ir_studio.tui") is not None
    spec = importlib.util.find_spec("lsp")
    assert spec is None or "ir_studio" not in str(spec.origin)
    assert importlib.util.find_spec("tui") is None


def test_data_packages_ship_their_files() -> None:
    from importlib import resources

    assert resources.files("ir_studio.sample_ir").joinpath("demo.mlir").is_file()


def test_console_script_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["ir-studio"] == "ir_studio.cli.main:entry"
