"""Weight-only quantisation as TPU-MLIR's A16MatMul does it (tpu-reference §4).

W8, per output channel: the [K, N] weight is transposed to [N, K]; scale[n] =
max_k |W[n, k]| / 127 stored as f16; q = round(W / scale) saturated to int8; no zero
point. W4, per group of `group` consecutive K elements of one row, asymmetric and
unsigned: scale = max(max - min, 1e-5) / 15, zp = clamp(-round(min / scale), 0, 15),
q = clamp(round(w / scale) + zp, 0, 15), two values per byte, element 2j in the low
nibble. Dequantisation: w = q * scale (W8), (q - zp) * scale (W4).
"""

from __future__ import annotations

import numpy as np


def quantize_w8(weight_kn: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """[K, N] f32 -> (int8 [N, K], f16 scale [N, 1])."""
    w = np.asarray(weight_kn, dtype=np.float32).T
    absmax = np.max(np.abs(w), axis=1, keepdims=True)
    scale = (absmax / 127.0).astype(np.float16)
    safe = np.where(scale == 0, np.float16(1), scale).astype(np.float32)
    q = np.clip(np.rint(w / safe), -128, 127).astype(np.int8)
    return q, scale


def pack_int4(values: np.ndarray) -> np.ndarray:
    """[N, K] values 0..15 -> [N, K/2] bytes, element 2j low nibble, 2j+1 high nibble."""
    v = values.astype(np.uint8)
    return (v[:, 0::2] & 0x0F) | ((v[:, 1::2] & 0x0F) << 4)


def quantize_w4(weight_kn: np.ndarray, group: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """[K, N] f32 -> (packed uint8 [N, K/2], f16 scale [N, K/g], uint8 zp [N, K/g])."""
    w = np.asarray(weight_kn, dtype=np.float32).T
    n, k = w.shape
    if k % group or k % 2:
        raise ValueError(f"K={k} must be even and a multiple of the group size {group}")
    g = w.reshape(n, k // group, group)
    low, high = g.min(axis=2), g.max(axis=2)
    scale = (np.maximum(high - low, 1e-5) / 15.0).astype(np.float16)
    s32 = scale.astype(np.float32)
    zp = np.clip(-np.rint(low / s32), 0, 15).astype(np.uint8)
    q = np.clip(np.rint(g / s32[:, :, None]) + zp[:, :, None], 0, 15).astype(np.uint8)
    return pack_int4(q.reshape(n, k)), scale, zp
