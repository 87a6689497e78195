"""Snapshots are immutable: edits build new versions on one thread while other threads
query old and new snapshots; every answer must equal a fresh build's of that text."""

from __future__ import annotations

import random
import threading

import pytest

from ir_studio.document import IRDocument, ItemCache, build_document
from ir_studio.ide.hover import hover_at
from ir_studio.index import DocumentIndex

VERSIONS = 60
READERS = 3


def _text() -> str:
    lines = ["func.func @g(%x: i32) -> i32 {", "  return %x : i32", "}",
             "func.func @f(%a: i32, %b: i32) -> i32 {"]
    for i in range(320):
        previous = "%a" if i == 0 else f"%{i - 1}"
        op = "arith.muli" if i % 7 == 0 else "arith.addi"
        lines.append(f"  %{i} = {op} {previous}, %b : i32")
        if i % 50 == 25:
            lines.append(f"  %c{i} = func.call @g(%{i}) : (i32) -> i32")
    lines += ["  return %319 : i32", "}"]
    return "\n".join(lines) + "\n"


def _edit(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    line = rng.randrange(5, len(lines) - 3)
    current = lines[line]
    choice = rng.random()
    if choice < 0.4:
        lines[line] = current.replace("addi", "muli") if "addi" in current else current.replace(
            "muli", "subi")
    elif choice < 0.6:
        lines[line] = current.replace(": i32", ": i64")
    elif choice < 0.75:
        lines.insert(line, f"  %n{rng.randrange(10**6)} = arith.addi %a, %b : i32")
    elif choice < 0.85:
        lines[line] = current.replace("%", "%q", 1)
    else:
        lines[line] = current + "  // edited"
    return "\n".join(lines)


def _answers(document: IRDocument, offsets: list[int]) -> list[object]:
    index = DocumentIndex(document)
    found: list[object] = [document.diagnostics]
    for offset in offsets:
        at = index.at(offset)
        hover = hover_at(document, index, offset)
        found.append((
            None if at is None else (at.kind, at.span),
            tuple(index.definition(offset)),
            tuple(sorted((s.start, s.end) for s in index.references(offset))),
            None if hover is None else (hover.markdown, hover.span),
        ))
    return found


@pytest.mark.e2e  # threads and ~60 builds: not the fast tier (as test_types.py)
def test_edits_and_queries_from_several_threads_match_fresh_builds() -> None:
    rng = random.Random(7)
    cache = ItemCache()
    texts = [_text()]
    snapshots = [build_document("s.mlir", 0, texts[0], cache=cache)]
    first_ops = [r.op.name for r in snapshots[0].items[1].parsed.record.ops]
    done = threading.Event()
    answers: list[tuple[int, list[int], list[object]]] = []
    failures: list[BaseException] = []

    def writer() -> None:
        try:
            for version in range(1, VERSIONS):
                texts.append(_edit(texts[-1], rng))
                snapshots.append(build_document("s.mlir", version, texts[-1], cache=cache))
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)
        finally:
            done.set()

    def reader(seed: int) -> None:
        local = random.Random(seed)
        try:
            while not done.is_set() or len(answers) < 40 * READERS:
                version = local.randrange(len(snapshots))
                document = snapshots[version]
                offsets = [local.randrange(len(document.text)) for _ in range(6)]
                answers.append((version, offsets, _answers(document, offsets)))
                if done.is_set() and len(answers) >= 40 * READERS:
                    break
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    threads = [threading.Thread(target=writer)]
    threads += [threading.Thread(target=reader, args=(seed,)) for seed in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    assert any(p.parsed.patch is not None or not p.parsed.materialized
               for s in snapshots for p in s.items), "no edit took the incremental path"
    fresh: dict[int, IRDocument] = {}
    for version, offsets, got in answers:
        if version not in fresh:
            fresh[version] = build_document("s.mlir", version, texts[version])
        assert got == _answers(fresh[version], offsets), (version, offsets)
    # Old snapshots still hold exactly what they were built with, IR included (the
    # ops of shared items never move into a newer version's module).
    from ir_studio.printing import print_ir

    for version in (0, VERSIONS // 2):
        assert [print_ir(m) for m in snapshots[version].modules()] == [
            print_ir(m) for m in build_document("s.mlir", version, texts[version]).modules()]
    assert [r.op.name for r in snapshots[0].items[1].parsed.record.ops] == first_ops
    assert _answers(snapshots[0], [100, 500, 2000]) == _answers(
        build_document("s.mlir", 0, texts[0]), [100, 500, 2000])
