"""Custom dialects per workspace, without rebuilding anything.

A workspace names its dialects in `ir-studio.toml` or in `pyproject.toml` under
`[tool.ir-studio]`:

    dialects = ["mypkg.dialects:MyDialect"]   # a Python xdsl Dialect (or a factory)
    irdl = ["dialects/cmath.irdl.mlir"]        # IRDL files, each with irdl.dialect ops

Entries are loaded into a private copy of the shared context (the workspace root is put
on `sys.path` for the imports). A broken entry does not stop the rest: it becomes a
problem with the file and line of the entry, for the editor to show.
"""

from __future__ import annotations

import importlib
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xdsl.context import Context
from xdsl.ir import Dialect


@dataclass(frozen=True)
class ConfigProblem:
    file: Path
    line: int
    """0-based line of the entry (0 when unknown)."""
    message: str


@dataclass
class WorkspaceDialects:
    context: Context
    loaded: list[str] = field(default_factory=list)
    problems: list[ConfigProblem] = field(default_factory=list)
    config: Path | None = None


def _config(root: Path) -> tuple[Path, dict[str, Any]] | None:
    own = root / "ir-studio.toml"
    if own.is_file():
        return own, tomllib.loads(own.read_text(encoding="utf-8"))
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        section = data.get("tool", {}).get("ir-studio")
        if isinstance(section, dict):
            return pyproject, section
    return None


def _line_of(path: Path, needle: str) -> int:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if needle in line:
                return number
    except OSError:
        pass
    return 0


def _python_dialect(spec: str, root: Path) -> Dialect:
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"'{spec}' should be 'package.module:Name'")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    module = importlib.import_module(module_name)
    obj = getattr(module, attribute, None)
    if obj is None:
        raise ValueError(f"module '{module_name}' has no '{attribute}'")
    dialect = obj() if callable(obj) and not isinstance(obj, Dialect) else obj
    if not isinstance(dialect, Dialect):
        raise ValueError(f"'{spec}' is a {type(dialect).__name__}, not an xdsl Dialect")
    return dialect


def _irdl_dialects(path: Path, base: Context) -> list[Dialect]:
    from xdsl.dialects.irdl import DialectOp
    from xdsl.interpreters.irdl import make_dialect
    from xdsl.parser import Parser

    module = Parser(base.clone(), path.read_text(encoding="utf-8"), str(path)).parse_module()
    dialects = [make_dialect(op) for op in module.walk() if isinstance(op, DialectOp)]
    if not dialects:
        raise ValueError("no irdl.dialect in this file")
    return dialects


def load_workspace_dialects(root: Path | None) -> WorkspaceDialects:
    """The context for files under `root`: the shared one plus the workspace's dialects."""
    from ir_studio.context import shared_context

    base = shared_context()
    found = _config(root) if root is not None else None
    if found is None:
        return WorkspaceDialects(base)
    config, section = found
    assert root is not None
    result = WorkspaceDialects(base.clone(), config=config)
    entries = [("dialects", e) for e in section.get("dialects", []) or []]
    entries += [("irdl", e) for e in section.get("irdl", []) or []]
    for kind, entry in entries:
        try:
            if not isinstance(entry, str):
                raise ValueError(f"expected a string, got {entry!r}")
            if kind == "dialects":
                dialects = [_python_dialect(entry, root)]
            else:
                dialects = _irdl_dialects(root / entry, base)
            for dialect in dialects:
                if dialect.name in result.context.registered_dialect_names:
                    raise ValueError(f"dialect '{dialect.name}' is already registered")
                result.context.register_dialect(dialect.name, lambda d=dialect: d)
                result.loaded.append(dialect.name)
        except Exception as error:  # user code: any failure is a problem, never a crash
            message = f"cannot load {kind} entry '{entry}': {type(error).__name__}: {error}"
            result.problems.append(ConfigProblem(config, _line_of(config, str(entry)), message))
    return result
