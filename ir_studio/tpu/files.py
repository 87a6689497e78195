"""Reading and writing TPU-MLIR style files: the module (with trailing `#loc` aliases,
which plain xDSL cannot parse) and the npz weight file its `module.weight_file` names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from xdsl.dialects.builtin import ModuleOp, StringAttr

from ir_studio.diagnostics import Diagnostic
from ir_studio.document import build_document


class TPUFileError(Exception):
    pass


def parse_module(text: str, name: str) -> tuple[ModuleOp | None, list[Diagnostic]]:
    document = build_document(name, 0, text)
    if document.diagnostics:
        return None, list(document.diagnostics)
    return document.clone_module(), []


def weight_file(module: ModuleOp) -> str | None:
    attr = module.attributes.get("module.weight_file")
    return attr.data if isinstance(attr, StringAttr) else None


def load_weights(module: ModuleOp, beside: Path) -> dict[str, np.ndarray] | None:
    """The weights of `module` (None when its weight file does not exist: shape-only)."""
    name = weight_file(module)
    if name is None:
        return None
    path = Path(name) if Path(name).is_absolute() else beside.parent / name
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            return {key: data[key] for key in data.files}
    except (OSError, ValueError) as error:
        raise TPUFileError(f"cannot read weight file {path}: {error}") from None


def save_weights(path: Path, weights: dict[str, np.ndarray]) -> None:
    np.savez(path, **weights)  # pyright: ignore[reportArgumentType]  # no weight is named allow_pickle
