"""The incremental path against fresh builds: thousands of seeded random edits on large
functions, each result (diagnostics, spans, index answers) compared with a build of the
same text from scratch."""

from __future__ import annotations

import random

import pytest

import ir_studio.document as document_module
from ir_studio.document import IRDocument, ItemCache, build_document
from ir_studio.incremental import STATS
from ir_studio.index import DocumentIndex

SEED = 20261129
EDITS = 1500


def _big_function(ops: int, rng: random.Random) -> list[str]:
    lines = ["func.func @big(%arg0: i32, %arg1: i64, %flag: i1) -> i32 {",
             "  %c1 = arith.constant 1 : i32"]
    names = ["%arg0", "%c1"]
    for index in range(ops):
        a, b = rng.choice(names[-6:]), rng.choice(names)
        kind = rng.random()
        if kind < 0.08:
            lines.append(f"  %{index} = func.call @callee({a}) : (i32) -> i32")
        elif kind < 0.14:
            lines.append(f"  %e{index} = arith.extsi {a} : i32 to i64")
            lines.append(f"  %m{index} = arith.muli %e{index}, %arg1 : i64  // wide")
            lines.append(f"  %{index} = arith.trunci %m{index} : i64 to i32")
        elif kind < 0.18:
            lines.append(f'  %{index} = "arith.subi"({a}, {b}) : (i32, i32) -> i32')
        elif kind < 0.2:
            lines.append(f"  %p{index}:2 = \"test.pair\"({a}) : (i32) -> (i32, i32)")
            lines.append(f"  %{index} = arith.addi %p{index}#0, %p{index}#1 : i32")
        elif kind < 0.22:
            lines.append(f"  %{index} = \"arith.addi\"({a}, {b}) {{tag = {index}}} : "
                         "(i32, i32) -> i32")
        elif kind < 0.24:
            lines.append(f"  %{index} = arith.select %flag, {a}, {b} : i32")
        else:
            op = rng.choice(["addi", "muli", "subi", "andi"])
            lines.append(f"  %{index} = arith.{op} {a}, {b} : i32")
        names.append(f"%{index}")
        if index == ops // 2:
            lines.append(f"  cf.cond_br %flag, ^left, ^right({names[-1]} : i32)")
            lines.append("^left:")
            lines.append(f"  cf.br ^right({names[-2]} : i32)")
            lines.append("^right(%joined: i32):")
            names = ["%joined", "%c1", "%arg0"]
    lines.append(f"  return {names[-1]} : i32")
    lines.append("}")
    return lines


def _base_text(rng: random.Random) -> str:
    head = ["func.func @callee(%x: i32) -> i32 {", "  return %x : i32", "}"]
    return "\n".join(head + _big_function(110, rng)) + "\n"


_CHARS = "%a1 :,(){}^\"#=.\n"


def _edit(text: str, rng: random.Random, seen: list[str], focus: int) -> str:
    """One random edit near line `focus` (a user types in one place for a while)."""
    lines = text.split("\n")
    body = [i for i, line in enumerate(lines) if line.startswith("  ")]
    wanted = focus + rng.randint(-2, 2)
    line = min(body, key=lambda i: abs(i - wanted))
    current = lines[line]
    kind = rng.random()
    if kind < 0.15:
        swaps = [("addi", "muli"), ("muli", "subi"), ("subi", "addi"), ("andi", "ori")]
        old, new = rng.choice(swaps)
        lines[line] = current.replace(old, new)
    elif kind < 0.35:
        at = rng.randrange(len(current) + 1)
        lines[line] = current[:at] + rng.choice(_CHARS) + current[at:]
    elif kind < 0.5 and current:
        at = rng.randrange(len(current))
        lines[line] = current[:at] + current[at + 1 :]
    elif kind < 0.57:
        del lines[line]
    elif kind < 0.62:
        lines.insert(line, current)
    elif kind < 0.72:
        names = [w.rstrip(",") for w in " ".join(lines).split() if w.startswith("%")]
        a, b = rng.choice(names), rng.choice(names)
        lines.insert(line, f"  %n{rng.randrange(10_000)} = arith.addi {a}, {b} : i32")
    elif kind < 0.82:
        names = [w.rstrip(",:") for w in current.split() if w.startswith("%")]
        if names:
            lines[line] = current.replace(rng.choice(names), rng.choice(
                ["%zz", "%0", "%5", "%arg0", "%c1", "%77", "%joined", "%new"]), 1)
    elif kind < 0.86:
        lines[line] = current.replace("i32", "i64", 1)
    elif kind < 0.9:
        lines[line] = rng.choice(["", "  // a comment", "    "])
    elif kind < 0.95 and seen:
        return rng.choice(seen)
    else:
        lines[line] = current + "  // note"
    return "\n".join(lines)


def _first_changed_line(a: str, b: str) -> int:
    for index, (x, y) in enumerate(zip(a.split("\n"), b.split("\n"), strict=False)):
        if x != y:
            return index
    return 0


def _s(span: object) -> tuple[int, int]:
    return (span.start, span.end)  # type: ignore[attr-defined]


def _occurrence(index: DocumentIndex, offset: int) -> tuple[object, ...] | None:
    found = index.at(offset)
    if found is None:
        return None
    return (found.kind, found.span, tuple(index.definition(offset)),
            tuple(sorted((s.start, s.end) for s in index.references(offset))))


def _compare(incremental: IRDocument, fresh: IRDocument, rng: random.Random,
             deep: bool) -> None:
    assert incremental.diagnostics == fresh.diagnostics
    assert len(incremental.items) == len(fresh.items)
    for mine, theirs in zip(incremental.items, fresh.items, strict=True):
        assert mine.base == theirs.base
        assert (mine.parsed.op is None) == (theirs.parsed.op is None)
        assert sorted((d.name, _s(d.span)) for d in mine.parsed.symbol_defs) == sorted(
            (d.name, _s(d.span)) for d in theirs.parsed.symbol_defs)
        assert sorted((u.name, _s(u.span), u.checked) for u in mine.parsed.symbol_uses) == sorted(
            (u.name, _s(u.span), u.checked) for u in theirs.parsed.symbol_uses)
    if not deep:
        return
    for mine, theirs in zip(incremental.items, fresh.items, strict=True):
        a, b = mine.parsed.record, theirs.parsed.record
        assert [(r.name_span, r.span) for r in a.ops] == [(r.name_span, r.span) for r in b.ops]
        assert sorted((d.name, _s(d.span), d.group_index) for d in a.value_defs) == sorted(
            (d.name, _s(d.span), d.group_index) for d in b.value_defs)
        assert sorted((u.span.start, u.span.end) for u in a.value_uses) == sorted(
            (u.span.start, u.span.end) for u in b.value_uses)
        assert [r.span for r in a.block_defs] == [r.span for r in b.block_defs]
    mine_index, fresh_index = DocumentIndex(incremental), DocumentIndex(fresh)
    text = fresh.text
    for _ in range(12):
        offset = rng.randrange(len(text))
        assert _occurrence(mine_index, offset) == _occurrence(fresh_index, offset), offset


@pytest.mark.e2e  # half a minute of builds: not the fast tier (as test_types.py)
def test_random_edits_match_fresh_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document_module, "PATCH_MIN_CHARS", 500)
    rng = random.Random(SEED)
    base = _base_text(rng)
    assert build_document("t.mlir", 0, base).diagnostics == ()
    cache = ItemCache()
    text = base
    build_document("t.mlir", 0, text, cache=cache)
    seen: list[str] = [base]
    STATS.clear()
    valid = base
    focus = 20
    for version in range(1, EDITS + 1):
        if version % 60 == 0:
            text = base
        elif version % 8 == 0:
            focus = rng.randrange(len(text.split("\n")))
        if rng.random() < 0.6 and text != valid:
            text = valid  # the user fixes what they broke, then goes on
        elif text != valid:
            focus = _first_changed_line(valid, text)  # and goes on typing there
        text = _edit(text, rng, seen, focus)
        incremental = build_document("t.mlir", version, text, cache=cache)
        if not any(d.category == "parse" for d in incremental.diagnostics):
            valid = text
        fresh = build_document("t.mlir", version, text)
        try:
            _compare(incremental, fresh, rng, deep=version % 3 == 0)
        except AssertionError:
            print("version", version)
            raise
        if version % 17 == 0:
            seen.append(text)
    # Most edits must take the incremental path, or this test proves nothing.
    print(STATS)
    assert STATS["error"] == 0
    assert STATS["patched"] > EDITS // 5


def test_an_edit_inside_a_large_function_is_patched_not_reparsed() -> None:
    lines = ["func.func @f(%a: i32) -> i32 {"]
    lines += [f"  %{i} = arith.addi {'%a' if i == 0 else f'%{i - 1}'}, %a : i32"
              for i in range(400)]
    lines += ["  return %399 : i32", "}"]
    text = "\n".join(lines) + "\n"
    cache = ItemCache()
    first = build_document("f.mlir", 1, text, cache=cache)
    edited = text.replace("%200 = arith.addi", "%200 = arith.muli")
    second = build_document("f.mlir", 2, edited, cache=cache)
    patch = second.items[0].parsed.patch
    assert patch is not None
    assert patch.base is first.items[0].parsed
    assert second.diagnostics == ()
    # The previous snapshot is untouched: its op still is the addi, its record intact.
    old_ops = [r.op.name for r in first.items[0].parsed.record.ops]
    assert old_ops.count("arith.addi") == 400
    new_ops = [r.op.name for r in second.items[0].parsed.record.ops]
    assert new_ops.count("arith.muli") == 1
    assert new_ops.count("arith.addi") == 399


def test_structural_edits_fall_back_to_a_whole_parse() -> None:
    lines = ["func.func @f(%a: i32) -> i32 {"]
    lines += [f"  %{i} = arith.addi %a, %a : i32" for i in range(300)]
    lines += ["  return %299 : i32", "}"]
    text = "\n".join(lines) + "\n"
    cache = ItemCache()
    build_document("f.mlir", 1, text, cache=cache)
    for edited in (text.replace("  %150 = arith.addi %a, %a : i32\n",
                                "  %150 = arith.addi %a, %a : i32\n^bb1:\n"),
                   text.replace("%150 = arith.addi %a, %a : i32",
                                "scf.execute_region {\n  scf.yield\n}"),
                   text.replace("  return %299 : i32", "  return %298 : i32")):
        document = build_document("f.mlir", 2, edited, cache=cache)
        assert document.items[0].parsed.patch is None
        assert document.diagnostics == build_document("f.mlir", 2, edited).diagnostics


def test_the_item_cache_bounds_the_text_it_keeps() -> None:
    cache = ItemCache(max_chars=10_000)
    text = "func.func @f() {\n" + "".join(f"  // line {i}\n" for i in range(300)) + "  return\n}\n"
    for version in range(12):
        build_document("c.mlir", version, text.replace("line 7", f"line {version}x"),
                       cache=cache)
    assert cache._chars <= 10_000 + len(text) + 20
    assert len(cache._entries) <= 3


def test_top_level_values_of_a_module_are_not_patched(monkeypatch: pytest.MonkeyPatch) -> None:
    """A module body is a graph region: uses before definitions are fine there."""
    monkeypatch.setattr(document_module, "PATCH_MIN_CHARS", 100)
    lines = ["module {", *[f"  %{i} = arith.addi %a, %a : i32" for i in range(50)],
             "  %a = arith.constant 1 : i32", "}"]
    text = "\n".join(lines) + "\n"
    cache = ItemCache()
    build_document("m.mlir", 1, text, cache=cache)
    edited = text.replace("%20 = arith.addi", "%20 = arith.muli")
    document = build_document("m.mlir", 2, edited, cache=cache)
    assert document.diagnostics == build_document("m.mlir", 2, edited).diagnostics == ()


def test_code_actions_on_an_op_an_edit_added_name_its_operands() -> None:
    from ir_studio.ide.convert_form import form_edits

    lines = ["func.func @f(%a: i32) -> i32 {"]
    lines += [f"  %{i} = arith.addi {'%a' if i == 0 else f'%{i - 1}'}, %a : i32"
              for i in range(300)]
    lines += ["  return %299 : i32", "}"]
    text = "\n".join(lines) + "\n"
    cache = ItemCache()
    build_document("f.mlir", 1, text, cache=cache)
    edited = text.replace("%150 = arith.addi %149, %a", "%150 = arith.muli %149, %a")
    patched = build_document("f.mlir", 2, edited, cache=cache)
    assert patched.items[0].parsed.patch is not None
    offset = edited.index("arith.muli") + 3
    edits = form_edits(patched, offset)
    assert edits == form_edits(build_document("f.mlir", 2, edited), offset)
    assert '"arith.muli"(%149, %a)' in edits[0].text
