"""Compare two runs op by op, as TPU-MLIR's npz comparison does: cosine similarity and
euclidean similarity (1 - |a - b| / |(a + b) / 2|) per tensor with the same name."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Similarity:
    name: str
    cosine: float
    euclidean: float
    shape: tuple[int, ...]

    def passes(self, cosine: float, euclidean: float) -> bool:
        return self.cosine >= cosine and self.euclidean >= euclidean


def similarity(name: str, a: np.ndarray, b: np.ndarray) -> Similarity:
    x = np.asarray(a, dtype=np.float64).ravel()
    y = np.asarray(b, dtype=np.float64).ravel()
    if x.shape != y.shape:
        raise ValueError(f"'{name}': shapes differ ({np.shape(a)} vs {np.shape(b)})")
    nx, ny = np.linalg.norm(x), np.linalg.norm(y)
    if nx == 0 and ny == 0:
        cos = 1.0
    elif nx == 0 or ny == 0:
        cos = 0.0
    else:
        cos = float(x @ y / (nx * ny))
    ed = float(np.linalg.norm(x - y))
    sr = float(np.linalg.norm((x + y) / 2)) + 1.192092896e-07
    return Similarity(name, cos, 1.0 - ed / sr, tuple(np.shape(a)))


def compare_named(
    reference: dict[str, np.ndarray], other: dict[str, np.ndarray]
) -> list[Similarity]:
    """Every tensor name present in both runs, in the reference's order."""
    return [
        similarity(name, reference[name], other[name])
        for name in reference
        if name in other and np.shape(reference[name]) == np.shape(other[name])
    ]
