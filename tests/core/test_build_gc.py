"""Builds skip the young collections for what they made (ir_studio.deep_stack), but the
garbage of dropped snapshots must still be freed: memory stays bounded over edits."""

from __future__ import annotations

import gc
import weakref

import pytest

from ir_studio import deep_stack
from ir_studio.document import build_document

TEXT = "".join(
    f"func.func @f{i}(%a: i32) -> i32 {{\n  %0 = arith.addi %a, %a : i32\n  return %0 : i32\n}}\n"
    for i in range(60)
)


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deep_stack, "UNSCANNED_LIMIT", 20_000)
    monkeypatch.setattr(deep_stack, "_unscanned", 0)
    monkeypatch.setattr(deep_stack, "_waiting_for", None)


def test_a_dropped_snapshot_is_freed_after_later_builds(small_limit: None) -> None:
    assert gc.isenabled()
    document = build_document("file:///a.mlir", 1, TEXT)
    assert document.diagnostics == ()
    module = weakref.ref(document.modules()[0])
    del document
    for version in range(2, 60):
        build_document("file:///a.mlir", version, TEXT + f"// {version}\n")
        _ = [[] for _ in range(5_000)]  # what a server allocates between builds
        if module() is None:
            break
    assert module() is None, "the first snapshot's IR was never collected"


def test_a_build_skips_the_young_scan_while_under_the_limit(small_limit: None) -> None:
    build_document("file:///a.mlir", 1, "func.func @f() {\n  return\n}\n")
    assert 0 < deep_stack._unscanned <= deep_stack.UNSCANNED_LIMIT  # pyright: ignore[reportPrivateUsage]  # the policy's state
    assert gc.get_count()[0] < 100  # nothing left for a young collection to scan


def test_collect_garbage_resets_the_policy(small_limit: None) -> None:
    build_document("file:///a.mlir", 1, TEXT)
    deep_stack.collect_garbage()
    assert deep_stack._unscanned == 0
    assert deep_stack._waiting_for is None
