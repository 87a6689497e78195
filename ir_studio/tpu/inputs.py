"""Inputs for a run when none are given: standard normal values, fixed seed, one array
per `top.Input`, named by its location as TPU-MLIR names them."""

from __future__ import annotations

import numpy as np
from xdsl.dialects.builtin import ModuleOp, TensorType

from ir_studio.tpu.evaluator import loc_name


def random_inputs(module: ModuleOp, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    out: dict[str, np.ndarray] = {}
    for op in module.walk():
        if op.name == "top.Input":
            t = op.results[0].type
            assert isinstance(t, TensorType)
            name = loc_name(op) or f"input{len(out)}"
            out[name] = rng.standard_normal(tuple(t.get_shape())).astype(np.float32)
    return out
