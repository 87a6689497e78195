"""Build a ChatGLM2-style GLMBlock as top-dialect text plus its weights.

Layout is TPU-MLIR's sequence-first [S, 1, hidden]. Multi-query attention: H query heads
share G key/value groups (ChatGLM2-6B: 32 heads, 2 groups, head dim 128); rotary on the
first half of each head's dims. Prefill (`past = 0`) attends over the S new tokens with a
causal mask; decode (`S = 1, past = L`) concatenates the new K/V to a history of L.
Weights are deterministic random (seeded), small enough for numerics on a laptop when
hidden is 256; the full-size model is built shape-only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np


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


@dataclass
class _Builder:
    lines: list[str] = field(default_factory=list)
    locs: list[str] = field(default_factory=list)
    weights: dict[str, np.ndarray] = field(default_factory=dict)
    shapes: dict[str, tuple[int, ...] | None] = field(default_factory=dict)
    counter: int = 0
    rng: np.random.Generator = field(default_factory=lambda: np.random.default_rng(2023))
    with_data: bool = True

    def loc(self, name: str) -> str:
        self.locs.append(name)
        return f"#loc{len(self.locs)}"

    def value(self) -> str:
        self.counter += 1
        return f"%{self.counter}"

    def op(
        self, kind: str, operands: list[str], shape: tuple[int, ...], name: str, attrs: str = ""
    ) -> str:
        result = self.value()
        in_types = ", ".join(_ty(self.shapes[o]) for o in operands)
        self.shapes[result] = shape
        attr_text = f" {{{attrs}}}" if attrs else ""
        self.lines.append(
            f'    {result} = "top.{kind}"({", ".join(operands)}){attr_text} : '
            f"({in_types}) -> {_ty(shape)} loc({self.loc(name)})"
        )
        return result

    def weight(self, name: str, shape: tuple[int, ...], scale: float, offset: float = 0.0) -> str:
        result = self.value()
        self.shapes[result] = shape
        self.lines.append(
            f'    {result} = "top.Weight"() : () -> {_ty(shape)} loc({self.loc(name)})'
        )
        if self.with_data:
            data = self.rng.standard_normal(shape).astype(np.float32) * scale + offset
            self.weights[name] = data.astype(np.float32)
        return result


def _ty(shape: tuple[int, ...] | None) -> str:
    if shape is None:
        return "none"
    return "tensor<" + "x".join(str(d) for d in shape) + "xf32>"


def _ints(values: list[int]) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


def _start(
    cfg: GLMConfig, decode: bool, past: int | None, with_weights: bool, layers: int
) -> tuple[_Builder, list[tuple[str, tuple[int, ...]]], list[str], str]:
    b = _Builder(with_data=with_weights)
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
    none = b.value()
    b.lines.append(f'    {none} = "top.None"() : () -> none loc({b.loc("none")})')
    b.shapes[none] = None
    return b, args, [], none


def _inputs(b: _Builder, args: list[tuple[str, tuple[int, ...]]], first: int = 0) -> list[str]:
    values = []
    for i, (name, shape) in enumerate(args, start=first):
        b.shapes[f"%arg{i}"] = shape
        values.append(b.op("Input", [f"%arg{i}"], shape, name, "do_preprocess = false"))
    return values


def _module(
    b: _Builder,
    kind: str,
    args: list[tuple[str, tuple[int, ...]]],
    results: list[tuple[str, tuple[int, ...]]],
    weight_file: str,
) -> str:
    arg_text = ", ".join(f"%arg{i}: {_ty(shape)}" for i, (_, shape) in enumerate(args))
    res_types = ", ".join(_ty(s) for _, s in results)
    head = (
        f'module @{kind} attributes {{module.chip = "ALL", module.platform = "LLM", '
        f'module.state = "TOP_F32", module.weight_file = "{weight_file}"}} {{\n'
        f"  func.func @main({arg_text}) -> ({res_types}) {{\n"
    )
    ret = f"\n    return {', '.join(v for v, _ in results)} : {res_types}\n  }}\n}}\n"
    aliases = "".join(f'#loc{i + 1} = loc("{name}")\n' for i, name in enumerate(b.locs))
    return head + "\n".join(b.lines) + ret + aliases


def build_block(
    cfg: GLMConfig,
    *,
    decode: bool = False,
    past: int | None = None,
    layer: int = 0,
    with_weights: bool = True,
) -> tuple[str, dict[str, np.ndarray]]:
    """(top-dialect module text, weights keyed by loc name) for one GLMBlock."""
    b, common, _, none = _start(cfg, decode, past, with_weights, 0)
    S = 1 if decode else cfg.seq
    L = (cfg.seq if past is None else past) if decode else 0
    args = [("hidden_states", (S, 1, cfg.hidden)), *common]
    if decode:
        shape = (L, 1, cfg.kv_groups, cfg.head_dim)
        args += [("history_k", shape), ("history_v", shape)]
    values = _inputs(b, args)
    x, mask, cos, sin = values[:4]
    hist = (values[4], values[5]) if decode else None
    out, k4, v4 = _emit_block(b, cfg, x, mask, cos, sin, hist, S, L, layer, none)
    results = [
        (out, (S, 1, cfg.hidden)),
        (k4, (S, 1, cfg.kv_groups, cfg.head_dim)),
        (v4, (S, 1, cfg.kv_groups, cfg.head_dim)),
    ]
    kind = "block_cache" if decode else "block"
    return _module(
        b, f"{kind}_{layer}", args, results, f"glm_{kind}_top_f32_all_weight.npz"
    ), b.weights


def build_model(
    cfg: GLMConfig, *, decode: bool, with_weights: bool = False
) -> tuple[str, dict[str, np.ndarray]]:
    """The whole LLM for one step: embedding, every block, final norm, lm_head."""
    b, common, _, none = _start(cfg, decode, None, with_weights, cfg.layers)
    S = 1 if decode else cfg.seq
    L = cfg.seq if decode else 0
    args = [("input_ids", (S, 1)), *common]
    values = _inputs(b, args)
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
        "eps = 1.000000e-05 : f64",
    )
    if not decode:  # only the last position's logits matter
        x = b.op(
            "Slice",
            [x],
            (1, 1, cfg.hidden),
            "lm_head.last_token",
            f"offset = {_ints([S - 1, 0, 0])}, ends = {_ints([S, 1, cfg.hidden])}, "
            f"steps = {_ints([1, 1, 1])}",
        )
    w = b.weight("transformer.output_layer.weight", (cfg.hidden, cfg.vocab), 0.02)
    logits = b.op("MatMul", [x, w, none], (1, 1, cfg.vocab), "lm_head", "right_transpose = false")
    kind = "decode" if decode else "prefill"
    return _module(
        b, f"chatglm2_{kind}", args, [(logits, (1, 1, cfg.vocab))], f"chatglm2_{kind}_weight.npz"
    ), b.weights


def _emit_block(
    b: _Builder,
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
    h = b.op("RMSNorm", [x, g1], (S, 1, Hd), f"{p}.input_layernorm", "eps = 1.000000e-05 : f64")
    qkv_n = (H + 2 * G) * D
    wqkv = b.weight(f"{p}.self_attention.query_key_value.weight", (Hd, qkv_n), std)
    bqkv = b.weight(f"{p}.self_attention.query_key_value.bias", (qkv_n,), 0.02)
    qkv = b.op(
        "MatMul",
        [h, wqkv, bqkv],
        (S, 1, qkv_n),
        f"{p}.self_attention.query_key_value",
        "right_transpose = false",
    )

    def sl(value: str, start: int, end: int, name: str) -> str:
        return b.op(
            "Slice",
            [value],
            (S, 1, end - start),
            name,
            f"offset = {_ints([0, 0, start])}, ends = {_ints([S, 1, end])}, "
            f"steps = {_ints([1, 1, 1])}",
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
        k_all = b.op("Concat", [hist[0], k4], (T, 1, G, D), f"{p}.k_cache", "axis = 0 : si32")
        v_all = b.op("Concat", [hist[1], v4], (T, 1, G, D), f"{p}.v_cache", "axis = 0 : si32")
    per = H // G
    qg = b.op("Reshape", [q4], (S, G, per, D), f"{p}.q_groups")
    qg = b.op("Permute", [qg], (G, per, S, D), f"{p}.q_perm", f"order = {_ints([1, 2, 0, 3])}")
    qg = b.op("Reshape", [qg], (G, per * S, D), f"{p}.q_flat")
    kg = b.op("Reshape", [k_all], (T, G, D), f"{p}.k_groups")
    kg = b.op("Permute", [kg], (G, D, T), f"{p}.k_perm", f"order = {_ints([1, 2, 0])}")
    scores = b.op("MatMul", [qg, kg], (G, per * S, T), f"{p}.attention_scores")
    scores = b.op("Reshape", [scores], (G, per, S, T), f"{p}.scores_heads")
    scores = b.op(
        "MulConst",
        [scores],
        (G, per, S, T),
        f"{p}.scores_scale",
        f"const_val = {1.0 / math.sqrt(D):.8e} : f64",
    )
    scores = b.op("Add", [scores, mask], (G, per, S, T), f"{p}.scores_mask")
    probs = b.op("Softmax", [scores], (G, per, S, T), f"{p}.attention_probs", "axis = 3 : si32")
    probs = b.op("Reshape", [probs], (G, per * S, T), f"{p}.probs_flat")
    vg = b.op("Reshape", [v_all], (T, G, D), f"{p}.v_groups")
    vg = b.op("Permute", [vg], (G, T, D), f"{p}.v_perm", f"order = {_ints([1, 0, 2])}")
    ctx = b.op("MatMul", [probs, vg], (G, per * S, D), f"{p}.context")
    ctx = b.op("Reshape", [ctx], (G, per, S, D), f"{p}.context_heads")
    ctx = b.op(
        "Permute", [ctx], (S, G, per, D), f"{p}.context_perm", f"order = {_ints([2, 0, 1, 3])}"
    )
    ctx = b.op("Reshape", [ctx], (S, 1, H * D), f"{p}.context_flat")
    wd = b.weight(f"{p}.self_attention.dense.weight", (H * D, Hd), 1.0 / math.sqrt(H * D))
    attn = b.op(
        "MatMul",
        [ctx, wd, none],
        (S, 1, Hd),
        f"{p}.self_attention.dense",
        "right_transpose = false",
    )
    r1 = b.op("Add", [x, attn], (S, 1, Hd), f"{p}.residual_1")
    g2 = b.weight(f"{p}.post_attention_layernorm.weight", (Hd,), 0.1, 1.0)
    h2 = b.op(
        "RMSNorm", [r1, g2], (S, 1, Hd), f"{p}.post_attention_layernorm", "eps = 1.000000e-05 : f64"
    )
    w1 = b.weight(f"{p}.mlp.dense_h_to_4h.weight", (Hd, 2 * F), std)
    up = b.op(
        "MatMul", [h2, w1, none], (S, 1, 2 * F), f"{p}.mlp.dense_h_to_4h", "right_transpose = false"
    )
    gate = b.op(
        "Slice",
        [up],
        (S, 1, F),
        f"{p}.mlp.gate",
        f"offset = {_ints([0, 0, 0])}, ends = {_ints([S, 1, F])}, steps = {_ints([1, 1, 1])}",
    )
    lin = b.op(
        "Slice",
        [up],
        (S, 1, F),
        f"{p}.mlp.up",
        f"offset = {_ints([0, 0, F])}, ends = {_ints([S, 1, 2 * F])}, steps = {_ints([1, 1, 1])}",
    )
    act = b.op("SiLU", [gate], (S, 1, F), f"{p}.mlp.silu")
    act = b.op("Mul", [act, lin], (S, 1, F), f"{p}.mlp.swiglu")
    w2 = b.weight(f"{p}.mlp.dense_4h_to_h.weight", (F, Hd), 1.0 / math.sqrt(F))
    down = b.op(
        "MatMul", [act, w2, none], (S, 1, Hd), f"{p}.mlp.dense_4h_to_h", "right_transpose = false"
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
