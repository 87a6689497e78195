"""Reading and writing TPU-MLIR style files: the module (with trailing `#loc` aliases,
which plain xDSL cannot parse) and the npz weight file its `module.weight_file` names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from xdsl.dialects.builtin import ModuleOp, StringAttr
from xdsl.ir import Operation

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
            arrays = {key: data[key] for key in data.files}
    except (OSError, ValueError) as error:
        raise TPUFileError(f"cannot read weight file {path}: {error}") from None
    return derive_quantised(module, arrays)


_QUANTISED_SUFFIX = {8: "_int8", 4: "_uint4"}


def derive_quantised(module: ModuleOp, arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Add the quantised arrays of every `tpu.A16MatMul` whose weight file holds only the
    top (f32) weight it came from: a module lowered by a pipeline pass (which sees no
    files) keeps naming the top weight file, and quantisation is deterministic, so the
    arrays are the ones `ir-studio tpu lower` would have written."""
    from ir_studio.tpu.evaluator import loc_name
    from ir_studio.tpu.ops_base import int_attr
    from ir_studio.tpu.quantize import quantize_w4, quantize_w8

    for op in module.walk():
        if op.name != "tpu.A16MatMul" or len(op.operands) < 3:
            continue
        bits = int_attr(op, "weight_bits")
        weight = op.operands[1].owner
        name = loc_name(weight) if isinstance(weight, Operation) else None
        suffix = _QUANTISED_SUFFIX.get(bits)
        if name is None or suffix is None or name in arrays or not name.endswith(suffix):
            continue
        base = name.removesuffix(suffix)
        if base not in arrays:
            continue
        if bits == 8:
            q, scale = quantize_w8(arrays[base])
            arrays[name], arrays[f"{base}_scale"] = q, scale
        else:
            group = int_attr(op, "q_group_size", 64)
            try:
                q, scale, zp = quantize_w4(arrays[base], group)
            except ValueError as error:
                raise TPUFileError(f"cannot quantise '{base}': {error}") from None
            arrays[name], arrays[f"{base}_scale"], arrays[f"{base}_zp"] = q, scale, zp
    return arrays


def save_weights(path: Path, weights: dict[str, np.ndarray]) -> None:
    np.savez(path, **weights)  # pyright: ignore[reportArgumentType]  # no weight is named allow_pickle
