"""The editor's cost figures as pure logic: labels, the per-version cache."""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

import pytest

from ir_studio.tpu import editor_cost
from ir_studio.tpu.editor_cost import CostCache, OpCost, document_cost, duration, size
from ir_studio.tpu.files import parse_module
from ir_studio.tpu.modes import Mode

SAMPLES = Path(str(resources.files("ir_studio.sample_ir").joinpath("tpu")))


def test_labels_read_like_the_issue_asks() -> None:
    assert OpCost(0.41e-3, "GDMA", int(6.3 * 2**20), 0).label == "0.41 ms · GDMA-bound · 6.3 MiB"
    assert duration(2.5e-6) == "2.5 µs"
    assert duration(1.5) == "1.50 s"
    assert size(512) == "512 B"


def test_function_totals_are_the_sum_of_their_ops_in_each_mode() -> None:
    module, _ = parse_module((SAMPLES / "chatglm2_6b_block_decode.mlir").read_text(), "x.mlir")
    assert module is not None
    cost = document_cost(module)
    assert cost is not None
    assert cost.mode is Mode.W8A16
    main = cost.functions["main"]
    assert list(main.totals) == list(Mode)
    assert main.totals[Mode.F16] > main.totals[Mode.W8A16] > main.totals[Mode.W4A16]
    assert sum(c.seconds for c in cost.ops.values()) == pytest.approx(main.totals[Mode.W8A16])
    qkv = cost.a16["layers.0.self_attention.query_key_value"]
    assert qkv.weight_shape == (4608, 4096)
    assert qkv.saved_bytes == 4608 * 4096 - 4608 * 2
    load = dict(qkv.steps)["load int8/int4 tile + scales"]
    assert load == max(dict(qkv.steps).values())  # decode: the weight load dominates
    assert "top.MatMul" not in {op.name for op in module.walk() if op.name.startswith("tpu.")}


def test_plain_mlir_has_no_figures() -> None:
    from ir_studio.document import build_document

    document = build_document("x.mlir", 1, "func.func @f() {\n  return\n}\n")
    assert document_cost(document.modules()[0]) is None


def test_the_cache_computes_once_per_version(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    gate = threading.Event()

    def slow(module: object) -> object:
        calls.append(module)
        gate.wait(5)
        return f"cost of {module}"

    monkeypatch.setattr(editor_cost, "document_cost", slow)
    cache = CostCache()
    results: list[object] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get("u", 1, "m1")))  # type: ignore[arg-type]
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    assert cache.peek("u", 1) is None  # not ready: a request does not wait on peek
    gate.set()
    for thread in threads:
        thread.join(5)
    assert results == ["cost of m1"] * 4
    assert calls == ["m1"]
    assert cache.peek("u", 1) == "cost of m1"
    assert cache.get("u", 2, "m2") == "cost of m2"  # type: ignore[arg-type]
    assert cache.peek("u", 1) is None  # the old version is dropped
