"""Build a ChatGLM2-style GLMBlock and whole model as top-dialect ops (and text) plus weights.

Layout is TPU-MLIR's sequence-first [S, 1, hidden]. Multi-query attention: H query heads
share G key/value groups (ChatGLM2-6B: 32 heads, 2 groups, head dim 128); rotary on the
first half of each head's dims. Prefill (`past = 0`) attends over the S new tokens with a
causal mask; decode (`S = 1, past = L`) concatenates the new K/V to a history of L.
Weights are deterministic random (seeded), small enough for numerics on a laptop when
hidden is 256; the full-size model is built shape-only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ir_studio.tpu.graph_builder import (
    Built,
    GraphBuilder,
    bool_flag,
    emit_inputs,
    f64_attr,
    finish_module,
    int_list,
    si32_attr,
    slice_attrs,
)


@dataclass(frozen=True)
class GLMConfig:
    hidden: int = 256
    ffn: int = 512
    heads: int = 8
    kv_groups: int = 2
    head_dim: int = 32
    vocab: int = 1024
    layers: int = 1
    seq: int = 8

    @property
    def rot(self) -> int:
        """Rotary pairs per head (rotary covers the first half of the head dims)."""
        return self.head_dim // 4


CHATGLM2_6B = GLMConfig(
    hidden=4096, ffn=13696, heads=32, kv_groups=2, head_dim=128, vocab=65024, layers=28, seq=512
)


def _start(
    cfg: GLMConfig, decode: bool, past: int | None, with_weights: bool, layers: int, with_text: bool
) -> tuple[GraphBuilder, list[tuple[str, tuple[int, ...]]], str]:
    b = GraphBuilder(with_data=with_weights, with_text=with_text)
    S = 1 if decode else cfg.seq
    L = (cfg.seq if past is None else past) if decode else 0
    args: list[tuple[str, tuple[int, ...]]] = [
        ("attention_mask", (1, 1, S, L + S)),
        ("rotary_cos", (S, cfg.rot)),
        ("rotary_sin", (S, cfg.rot)),
    ]
    if decode:
        for layer in range(layers):
            args += [
                (f"history_k_{layer}", (L, 1, cfg.kv_groups, cfg.head_dim)),
                (f"history_v_{layer}", (L, 1, cfg.kv_groups, cfg.head_dim)),
            ]
    none = b._add("None", [], None, "none", {})
    return b, args, none


def build_block(
    cfg: GLMConfig,
    *,
    decode: bool = False,
    past: int | None = None,
    layer: int = 0,
    with_weights: bool = True,
    with_text: bool = True,
) -> Built:
    """One GLMBlock: the top-dialect module, its text and weights keyed by loc name."""
    b, common, none = _start(cfg, decode, past, with_weights, 0, with_text)
    S = 1 if decode else cfg.seq
    L = (cfg.seq if past is None else past) if decode else 0
    args = [("hidden_states", (S, 1, cfg.hidden)), *common]
    if decode:
        shape = (L, 1, cfg.kv_groups, cfg.head_dim)
        args += [("history_k", shape), ("history_v", shape)]
    values = emit_inputs(b, args)
    x, mask, cos, sin = values[:4]
    hist = (values[4], values[5]) if decode else None
    out, k4, v4 = _emit_block(b, cfg, x, mask, cos, sin, hist, S, L, layer, none)
    results = [
        (out, (S, 1, cfg.hidden)),
        (k4, (S, 1, cfg.kv_groups, cfg.head_dim)),
        (v4, (S, 1, cfg.kv_groups, cfg.head_dim)),
    ]
    kind = "block_cache" if decode else "block"
    return finish_module(b, f"{kind}_{layer}", args, results, f"glm_{kind}_top_f32_all_weight.npz")


def build_model(
    cfg: GLMConfig, *, decode: bool, with_weights: bool = False, with_text: bool = False
) -> Built:
    """The whole LLM for one step: embedding, every block, final norm, lm_head."""
    b, common, none = _start(cfg, decode, None, with_weights, cfg.layers, with_text)
    S = 1 if decode else cfg.seq
    L = cfg.seq if decode else 0
    args = [("input_ids", (S, 1)), *common]
    values = emit_inputs(b, args)
    ids, mask, cos, sin = values[:4]
    table = b.weight("transformer.embedding.word_embeddings.weight", (cfg.vocab, cfg.hidden), 0.02)
    x = b.op("Gather", [table, ids], (S, 1, cfg.hidden), "transformer.embedding")
    for layer in range(cfg.layers):
        hist = (values[4 + 2 * layer], values[5 + 2 * layer]) if decode else None
        x, _, _ = _emit_block(b, cfg, x, mask, cos, sin, hist, S, L, layer, none)
    gamma = b.weight("transformer.final_layernorm.weight", (cfg.hidden,), 0.1, 1.0)
    x = b.op(
        "RMSNorm",
        [x, gamma],
        (S, 1, cfg.hidden),
        "transformer.final_layernorm",
        {"eps": f64_attr(1e-05)},
    )
    if not decode:  # only the last position's logits matter
        x = b.op(
            "Slice",
            [x],
            (1, 1, cfg.hidden),
            "lm_head.last_token",
            slice_attrs([S - 1, 0, 0], [S, 1, cfg.hidden]),
        )
    w = b.weight("transformer.output_layer.weight", (cfg.hidden, cfg.vocab), 0.02)
    logits = b.op(
        "MatMul", [x, w, none], (1, 1, cfg.vocab), "lm_head", {"right_transpose": bool_flag(False)}
    )
    kind = "decode" if decode else "prefill"
    return finish_module(
        b, f"chatglm2_{kind}", args, [(logits, (1, 1, cfg.vocab))], f"chatglm2_{kind}_weight.npz"
    )


def _emit_block(
    b: GraphBuilder,
    cfg: GLMConfig,
    x: str,
    mask: str,
    cos: str,
    sin: str,
    hist: tuple[str, str] | None,
    S: int,
    L: int,
    layer: int,
    none: str,
) -> tuple[str, str, str]:
    H, G, D, Hd, F = cfg.heads, cfg.kv_groups, cfg.head_dim, cfg.hidden, cfg.ffn
    T = L + S
    decode = hist is not None
    p = f"layers.{layer}"
    std = 1.0 / math.sqrt(Hd)
    g1 = b.weight(f"{p}.input_layernorm.weight", (Hd,), 0.1, 1.0)
    h = b.op("RMSNorm", [x, g1], (S, 1, Hd), f"{p}.input_layernorm", {"eps": f64_attr(1e-05)})
    qkv_n = (H + 2 * G) * D
    wqkv = b.weight(f"{p}.self_attention.query_key_value.weight", (Hd, qkv_n), std)
    bqkv = b.weight(f"{p}.self_attention.query_key_value.bias", (qkv_n,), 0.02)
    qkv = b.op(
        "MatMul",
        [h, wqkv, bqkv],
        (S, 1, qkv_n),
        f"{p}.self_attention.query_key_value",
        {"right_transpose": bool_flag(False)},
    )

    def sl(value: str, start: int, end: int, name: str) -> str:
        return b.op(
            "Slice",
            [value],
            (S, 1, end - start),
            name,
            slice_attrs([0, 0, start], [S, 1, end]),
        )

    q = sl(qkv, 0, H * D, f"{p}.q")
    k = sl(qkv, H * D, (H + G) * D, f"{p}.k")
    v = sl(qkv, (H + G) * D, qkv_n, f"{p}.v")
    q4 = b.op("Reshape", [q], (S, 1, H, D), f"{p}.q_heads")
    k4 = b.op("Reshape", [k], (S, 1, G, D), f"{p}.k_heads")
    v4 = b.op("Reshape", [v], (S, 1, G, D), f"{p}.v_heads")
    q4 = b.op("Rope", [q4, cos, sin], (S, 1, H, D), f"{p}.q_rope")
    k4 = b.op("Rope", [k4, cos, sin], (S, 1, G, D), f"{p}.k_rope")
    k_all, v_all = k4, v4
    if decode:
        k_all = b.op("Concat", [hist[0], k4], (T, 1, G, D), f"{p}.k_cache", {"axis": si32_attr(0)})
        v_all = b.op("Concat", [hist[1], v4], (T, 1, G, D), f"{p}.v_cache", {"axis": si32_attr(0)})
    per = H // G
    qg = b.op("Reshape", [q4], (S, G, per, D), f"{p}.q_groups")
    qg = b.op("Permute", [qg], (G, per, S, D), f"{p}.q_perm", {"order": int_list([1, 2, 0, 3])})
    qg = b.op("Reshape", [qg], (G, per * S, D), f"{p}.q_flat")
    kg = b.op("Reshape", [k_all], (T, G, D), f"{p}.k_groups")
    kg = b.op("Permute", [kg], (G, D, T), f"{p}.k_perm", {"order": int_list([1, 2, 0])})
    scores = b.op("MatMul", [qg, kg], (G, per * S, T), f"{p}.attention_scores")
    scores = b.op("Reshape", [scores], (G, per, S, T), f"{p}.scores_heads")
    scores = b.op(
        "MulConst",
        [scores],
        (G, per, S, T),
        f"{p}.scores_scale",
        {"const_val": f64_attr(1.0 / math.sqrt(D), "8")},
    )
    scores = b.op("Add", [scores, mask], (G, per, S, T), f"{p}.scores_mask")
    probs = b.op(
        "Softmax", [scores], (G, per, S, T), f"{p}.attention_probs", {"axis": si32_attr(3)}
    )
    probs = b.op("Reshape", [probs], (G, per * S, T), f"{p}.probs_flat")
    vg = b.op("Reshape", [v_all], (T, G, D), f"{p}.v_groups")
    vg = b.op("Permute", [vg], (G, T, D), f"{p}.v_perm", {"order": int_list([1, 0, 2])})
    ctx = b.op("MatMul", [probs, vg], (G, per * S, D), f"{p}.context")
    ctx = b.op("Reshape", [ctx], (G, per, S, D), f"{p}.context_heads")
    ctx = b.op(
        "Permute", [ctx], (S, G, per, D), f"{p}.context_perm", {"order": int_list([2, 0, 1, 3])}
    )
    ctx = b.op("Reshape", [ctx], (S, 1, H * D), f"{p}.context_flat")
    wd = b.weight(f"{p}.self_attention.dense.weight", (H * D, Hd), 1.0 / math.sqrt(H * D))
    attn = b.op(
        "MatMul",
        [ctx, wd, none],
        (S, 1, Hd),
        f"{p}.self_attention.dense",
        {"right_transpose": bool_flag(False)},
    )
    r1 = b.op("Add", [x, attn], (S, 1, Hd), f"{p}.residual_1")
    g2 = b.weight(f"{p}.post_attention_layernorm.weight", (Hd,), 0.1, 1.0)
    h2 = b.op(
        "RMSNorm", [r1, g2], (S, 1, Hd), f"{p}.post_attention_layernorm", {"eps": f64_attr(1e-05)}
    )
    w1 = b.weight(f"{p}.mlp.dense_h_to_4h.weight", (Hd, 2 * F), std)
    up = b.op(
        "MatMul",
        [h2, w1, none],
        (S, 1, 2 * F),
        f"{p}.mlp.dense_h_to_4h",
        {"right_transpose": bool_flag(False)},
    )
    gate = b.op(
        "Slice",
        [up],
        (S, 1, F),
        f"{p}.mlp.gate",
        slice_attrs([0, 0, 0], [S, 1, F]),
    )
    lin = b.op(
        "Slice",
        [up],
        (S, 1, F),
        f"{p}.mlp.up",
        slice_attrs([0, 0, F], [S, 1, 2 * F]),
    )
    act = b.op("SiLU", [gate], (S, 1, F), f"{p}.mlp.silu")
    act = b.op("Mul", [act, lin], (S, 1, F), f"{p}.mlp.swiglu")
    w2 = b.weight(f"{p}.mlp.dense_4h_to_h.weight", (F, Hd), 1.0 / math.sqrt(F))
    down = b.op(
        "MatMul",
        [act, w2, none],
        (S, 1, Hd),
        f"{p}.mlp.dense_4h_to_h",
        {"right_transpose": bool_flag(False)},
    )
    out = b.op("Add", [r1, down], (S, 1, Hd), f"{p}.residual_2")
    return out, k4, v4


def block_inputs(
    cfg: GLMConfig, *, decode: bool = False, past: int | None = None, seed: int = 7
) -> dict[str, np.ndarray]:
    """Deterministic inputs: random hidden states, causal mask, rotary tables, history."""
    rng = np.random.default_rng(seed)
    S = 1 if decode else cfg.seq
    L = (cfg.seq if past is None else past) if decode else 0
    T = L + S
    positions = np.arange(L, L + S, dtype=np.float32)
    inv = 1.0 / (10000 ** (np.arange(cfg.rot, dtype=np.float32) / cfg.rot))
    angles = positions[:, None] * inv[None, :]
    mask = np.zeros((1, 1, S, T), dtype=np.float32)
    for i in range(S):
        mask[0, 0, i, L + i + 1 :] = -10000.0
    out = {
        "hidden_states": rng.standard_normal((S, 1, cfg.hidden)).astype(np.float32),
        "attention_mask": mask,
        "rotary_cos": np.cos(angles).astype(np.float32),
        "rotary_sin": np.sin(angles).astype(np.float32),
    }
    if decode:
        shape = (L, 1, cfg.kv_groups, cfg.head_dim)
        out["history_k"] = rng.standard_normal(shape).astype(np.float32)
        out["history_v"] = rng.standard_normal(shape).astype(np.float32)
    return out
