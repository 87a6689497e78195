"""A long first build publishes what it has found so far, marked as incomplete, then
the complete set; edits inside a large function are patched and published."""

from __future__ import annotations

import asyncio

import pytest
from ir_studio.lsp.store import DocumentStore

import ir_studio.document as document_module
from ir_studio.document import IRDocument


def _functions(count: int, broken: int | None = None) -> str:
    out = []
    for index in range(count):
        kind = "i64" if index == broken else "i32"
        out.append(f"func.func @f{index}(%a: i32) -> i32 {{\n"
                   f"  %0 = arith.addi %a, %a : {kind}\n  return %0 : i32\n}}")
    return "\n".join(out) + "\n"


async def _published(text: str, uri: str = "file:///p.mlir") -> list[IRDocument]:
    published: list[IRDocument] = []
    store = DocumentStore(published.append)
    store.update(uri, 1, text)
    while not published or (published[-1].diagnostics[:1] and published[-1].diagnostics[
            0].category == "progress"):
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    return published


def test_partial_publishes_are_marked_and_the_last_is_complete(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document_module, "PROGRESS_AFTER", 0.0)
    published = asyncio.run(_published(_functions(40, broken=3)))
    *partial, complete = published
    assert partial, "a build of 40 items reported no progress"
    for document in partial:
        marker, *rest = document.diagnostics
        assert marker.category == "progress"
        assert marker.message.startswith("checking: ")
        assert int(marker.message.split()[1]) < 40
        assert all(d in complete.diagnostics for d in rest)
    assert all(d.category != "progress" for d in complete.diagnostics)
    assert len([d for d in complete.diagnostics if d.severity == 1]) == 1


def test_a_short_build_publishes_once() -> None:
    published = asyncio.run(_published(_functions(3)))
    assert len(published) == 1
    assert published[0].diagnostics == ()


def test_an_edit_inside_a_large_function_is_patched_and_published() -> None:
    from ir_studio.document import build_document
    from ir_studio.incremental import STATS

    lines = ["func.func @f(%a: i32) -> i32 {"]
    lines += [f"  %{i} = arith.addi {'%a' if i == 0 else f'%{i - 1}'}, %a : i32"
              for i in range(300)]
    lines += ["  return %299 : i32", "}"]
    text = "\n".join(lines) + "\n"
    edited = text.replace("%250 = arith.addi %249, %a : i32", "%250 = arith.addi %249, %a : i64")

    async def run() -> list[IRDocument]:
        published: list[IRDocument] = []
        store = DocumentStore(published.append)
        store.update("file:///big.mlir", 1, text)
        while len(published) < 1:
            await asyncio.sleep(0.01)
        store.update("file:///big.mlir", 2, edited)
        while published[-1].version != 2:
            await asyncio.sleep(0.01)
        return published

    before = STATS["patched"]
    published = asyncio.run(run())
    assert STATS["patched"] == before + 1
    assert published[-1].diagnostics == build_document("file:///big.mlir", 2, edited).diagnostics
    assert "expects different type than prior uses: 'i64' vs" in published[-1].diagnostics[0].message


def test_warming_pauses_between_its_steps() -> None:
    """Warming a large file's tables takes the GIL for a while: it calls `pause` before
    every step, which is where a server blocks while another file's build runs."""
    from ir_studio.document import build_document
    from ir_studio.index import DocumentIndex
    from ir_studio.item_cache import ItemCache

    document = build_document("file:///w.mlir", 1, _functions(5), cache=ItemCache())
    calls: list[int] = []
    DocumentIndex(document).warm(lambda: calls.append(1))
    assert len(calls) == 1 + 3 * len(document.items)


def test_warming_waits_while_a_build_runs() -> None:
    """The store's idle flag is clear from the moment a build is queued until it has
    finished, so a warm step never competes with the build of a file being opened."""
    states: list[bool] = []

    async def run() -> None:
        published: list[IRDocument] = []
        store = DocumentStore(published.append)
        store.update("file:///a.mlir", 1, _functions(200))
        states.append(store._idle.is_set())
        while store.current("file:///a.mlir") is None:  # not a partial publish: built
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        states.append(store._idle.is_set())

    asyncio.run(run())
    assert states == [False, True]


def test_a_due_full_collection_runs_when_a_file_closes_not_in_the_next_build(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds skip the collector's young scans until a full collection is due; the
    store pays for it at an idle moment (a close, the end of warming), so the next
    open's build does not (it once took 1.2 s instead of 0.3 s)."""
    import ir_studio.lsp.store as store_module

    collected: list[bool] = []
    monkeypatch.setattr(store_module, "collection_due", lambda: True)
    monkeypatch.setattr(store_module, "collect_garbage", lambda: collected.append(True))

    async def run() -> None:
        store = DocumentStore(lambda document: None)
        store.warm_delay = 60.0  # only the close may collect here
        store.update("file:///a.mlir", 1, _functions(3))
        while store.current("file:///a.mlir") is None:
            await asyncio.sleep(0.01)
        collected.clear()
        store.close("file:///a.mlir")
        for _ in range(200):
            if collected:
                break
            await asyncio.sleep(0.01)

    asyncio.run(run())
    assert collected


def test_collection_is_due_once_many_objects_skipped_the_young_scans(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import ir_studio.deep_stack as deep_stack

    monkeypatch.setattr(deep_stack, "_unscanned", 0)
    monkeypatch.setattr(deep_stack, "_waiting_for", None)
    assert not deep_stack.collection_due()
    monkeypatch.setattr(deep_stack, "_unscanned", deep_stack.UNSCANNED_LIMIT // 2 + 1)
    assert deep_stack.collection_due()
    deep_stack.collect_garbage()
    assert not deep_stack.collection_due()
