"""The parser's fast paths (ir_studio/frontends/fast_ops.py, fast_lines.py) against the
general path.

Every text is built twice, with the fast paths on and off, and everything a front end
can see must be the same: diagnostics (message, place, notes), the recorded spans of
ops, values, blocks and symbols, the IR itself (ops, properties, types, name hints,
use lists, locations) and the printed module. Malformed variants of each fast-path
line must fall back and report the general path's error at its place.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from xdsl.ir import Operation

from ir_studio.document import IRDocument, ItemCache, build_document
from ir_studio.frontends.mlir_parser import SpanRecordingParser
from ir_studio.printing import print_ir

CORPUS = Path(__file__).resolve().parents[1] / "differential" / "corpus"

FAST = """\
func.func @callee(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.muli %0, %b : i32 // a comment after
  %x.y = arith.subi %1, %a : i32
  %c = func.call @callee(%x.y, %b) : (i32, i32) -> i32
  %k1 = arith.constant 42 : i32
  %k2 = arith.constant -128 : i8
  %k3 = arith.constant 9223372036854775807 : index
  %k4 = arith.constant -1.5 : f32
  %k5 = arith.constant 2.5e3 : f64
  func.call @nothing() : () -> ()
  %d = func.call @callee(%c, %c) : (i32, i32) -> i32
  return %d : i32
}
func.func @nothing() {
  return
}
func.func @pair(%f: f32, %i: index, %t: i1) -> (f32, index) {
  %g = arith.mulf %f, %f : f32
  %h = arith.divf %g, %f : f32
  %j = arith.maxsi %i, %i : index
  %k = arith.xori %t, %t : i1
  func.return %h, %j : f32, index
}
"""

MALFORMED = [
    # (what to replace in FAST, with what): each must fall back to the general path
    ("%0 = arith.addi %a, %b : i32", "%0 = arith.addi %a, %b : i64"),  # type mismatch
    ("%0 = arith.addi %a, %b : i32", "%0 = arith.addi %a, %zz : i32"),  # undeclared
    ("%0 = arith.addi %a, %b : i32", "%0 = arith.addi %a, %1 : i32"),  # used before def
    ("%0 = arith.addi %a, %b : i32", "%a = arith.addi %a, %b : i32"),  # redefinition
    ("%0 = arith.addi %a, %b : i32", "%0 = arith.addf %a, %b : i32"),  # float op, int
    ("%0 = arith.addi %a, %b : i32", "%0 = arith.addi %a, %b : i32 loc(unknown)"),
    ("%0 = arith.addi %a, %b : i32", "%0 = arith.addi %a, %b : i32 extra"),
    ("%0 = arith.addi %a, %b : i32", "%0 = arith.addi %a %b : i32"),
    ("%0 = arith.addi %a, %b : i32", "%0abc = arith.addi %a, %b : i32"),
    ("%0 = arith.addi %a, %b : i32", "%0 = arith.addi %a, %b#1 : i32"),
    ("%0 = arith.addi %a, %b : i32", "%0:2 = arith.addi %a, %b : i32"),
    ("return %d : i32", "return %d : i64"),
    ("return %d : i32", "return %d, %c : i32"),
    ("return %d : i32", "return %d : i32, i32"),
    ("return %d : i32", "return %zz : i32"),
    ("return %d : i32", "return"),
    ("return %d : i32", "return %d : i32\n  return %d : i32"),
    ("return %d : i32", "%d2 = arith.addi %d, %d : i32"),  # no terminator
    ("  return\n", "  return %x : i32\n"),
    ("func.return %h, %j : f32, index", "func.return %j, %h : index, f32"),
    ("func.return %h, %j : f32, index", "return %h : f32"),
    ("%c = func.call @callee(%x.y, %b) : (i32, i32) -> i32",
     "%c = func.call @callee(%x.y, %b) : (i32, i64) -> i32"),
    ("%c = func.call @callee(%x.y, %b) : (i32, i32) -> i32",
     "%c = func.call @callee(%x.y) : (i32, i32) -> i32"),
    ("%c = func.call @callee(%x.y, %b) : (i32, i32) -> i32",
     "%c = func.call @missing(%x.y, %b) : (i32, i32) -> i32"),
    ("%c = func.call @callee(%x.y, %b) : (i32, i32) -> i32",
     "%c = func.call @callee(%x.y, %b) : (i32, i32) -> ()"),
    ("%c = func.call @callee(%x.y, %b) : (i32, i32) -> i32",
     "func.call @callee(%x.y, %b) : (i32, i32) -> i32"),
    ("%c = func.call @callee(%x.y, %b) : (i32, i32) -> i32",
     "%c = func.call @callee(%x.y, %b) : (i32, i32) -> f32"),
    ("%c = func.call @callee(%x.y, %b) : (i32, i32) -> i32",
     "%c = func.call @callee(%x.y, %later) : (i32, i32) -> i32"),
    ("func.call @nothing() : () -> ()", "func.call @nothing() : () -> i32"),
    ("func.call @nothing() : () -> ()", "func.call @nothing() {x} : () -> ()"),
    ("%k = arith.xori %t, %t : i1", "%k = arith.xori %t, %t : i16"),
    ("%k1 = arith.constant 42 : i32", "%k1 = arith.constant 42 : f32"),
    ("%k1 = arith.constant 42 : i32", "%k1 = arith.constant 4.5 : i32"),
    ("%k1 = arith.constant 42 : i32", "%k1 = arith.constant 42 : i32 {x}"),
    ("%k1 = arith.constant 42 : i32", "%a = arith.constant 42 : i32"),
    ("%k1 = arith.constant 42 : i32", "%k1 = arith.constant 42"),
    ("%k2 = arith.constant -128 : i8", "%k2 = arith.constant 128 : i8"),
    ("%k2 = arith.constant -128 : i8", "%k2 = arith.constant 255 : i8"),
    ("%k2 = arith.constant -128 : i8", "%k2 = arith.constant -129 : i8"),
    ("%k2 = arith.constant -128 : i8", "%k2 = arith.constant 777 : i8"),
    ("%k3 = arith.constant 9223372036854775807 : index",
     "%k3 = arith.constant 9223372036854775808 : index"),
    ("%k4 = arith.constant -1.5 : f32", "%k4 = arith.constant 1.0e39 : f32"),
    ("%k4 = arith.constant -1.5 : f32", "%k4 = arith.constant 0x7F800000 : f32"),
    ("%k5 = arith.constant 2.5e3 : f64", "%k5 = arith.constant 1.0e999 : f64"),
    ("%j = arith.maxsi %i, %i : index", "%j = arith.maxsi %i, %i : index}"),
]


ONLY_NOT_FAST = ("loc(unknown)", "{x} : () -> ()", "arith.constant 42", "128 : i8",
                 "255 : i8", "808 : index", "0x7F800000 : f32", "1.0e999 : f64")
"""Variants above that are valid: the general path takes them, without an error."""


def _build(text: str, *, fast: bool, cached: bool = False) -> IRDocument:
    old = SpanRecordingParser.fast_paths
    SpanRecordingParser.fast_paths = fast
    try:
        return build_document("file:///t.mlir", 1, text, cache=ItemCache() if cached else None)
    finally:
        SpanRecordingParser.fast_paths = old


def _op_summary(op: Operation, numbering: dict[int, int]) -> tuple[object, ...]:
    for result in op.results:
        numbering[id(result)] = len(numbering)
    for region in op.regions:
        for block in region.blocks:
            for arg in block.args:
                numbering[id(arg)] = len(numbering)
    from xdsl.dialects.builtin import UnregisteredOp

    # xDSL makes a class per unregistered name on demand (not always the same object)
    kind = "unregistered" if isinstance(op, UnregisteredOp) else type(op)
    return (
        kind, op.name, dict(op.properties), dict(op.attributes), str(op.location),
        tuple(numbering.get(id(v), -1) for v in op.operands),
        tuple((r.type, r.name_hint, r.uses.get_length()) for r in op.results),
        tuple((len(r.blocks), tuple((a.type, a.name_hint) for b in r.blocks for a in b.args))
              for r in op.regions),
        len(op.successors),
    )


def _record_summary(document: IRDocument) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for placed in document.items:
        record = placed.parsed.record
        numbering: dict[int, int] = {}
        ops = [_op_summary(r.op, numbering) for r in record.ops]
        defs = {id(d.value): d.span for d in record.value_defs}
        rows.append((
            placed.base, placed.kind,
            [(r.op.name, r.name_span, r.span, r.parent) for r in record.ops],
            ops,
            [(d.name, d.group_index, d.group_size, d.span, d.value.type)
             for d in record.value_defs],
            [(u.span, u.owner, defs.get(id(u.value))) for u in record.value_uses],
            [(b.span, b.owner) for b in record.block_defs + record.block_uses],
            [(n.name, n.span, n.owner) for n in record.symbol_tokens],
            [(n.name, n.span, n.owner) for n in record.alias_uses],
            [(d.name, d.span) for d in placed.parsed.symbol_defs],
            [(u.name, u.span) for u in placed.parsed.symbol_uses],
        ))
    return rows


def assert_same(text: str) -> IRDocument:
    fast, slow = _build(text, fast=True), _build(text, fast=False)
    assert fast.diagnostics == slow.diagnostics
    assert _record_summary(fast) == _record_summary(slow)
    fast_modules, slow_modules = fast.modules(), slow.modules()
    assert len(fast_modules) == len(slow_modules)
    for a, b in zip(fast_modules, slow_modules, strict=True):
        assert print_ir(a, generic=True) == print_ir(b, generic=True)
        assert [str(op.location) for op in a.walk()] == [str(op.location) for op in b.walk()]
    cached_fast, cached_slow = _build(text, fast=True, cached=True), _build(
        text, fast=False, cached=True)
    assert cached_fast.diagnostics == cached_slow.diagnostics == slow.diagnostics
    assert _record_summary(cached_fast) == _record_summary(cached_slow)
    return fast


def test_the_fast_lines_are_taken_and_match_the_general_path() -> None:
    from ir_studio.frontends import fast_lines

    taken: list[str] = []
    original = fast_lines.FastLines._place

    def spy(self, op, *args, **kwargs):  # a test spy
        taken.append(op.name)
        return original(self, op, *args, **kwargs)

    original_binary = fast_lines.build_binary

    def spy_binary(op_class, *args):  # a test spy
        taken.append(op_class.name)
        return original_binary(op_class, *args)

    fast_lines.FastLines._place = spy  # pyright: ignore[reportAttributeAccessIssue]  # a test spy
    fast_lines.build_binary = spy_binary
    try:
        document = assert_same(FAST)
    finally:
        fast_lines.FastLines._place = original  # pyright: ignore[reportAttributeAccessIssue]  # restore
        fast_lines.build_binary = original_binary
    assert document.diagnostics == ()
    # each kind of line took the fast path (in the two fast builds, uncached and cached)
    assert taken.count("func.call") == 2 * 3
    assert taken.count("func.return") == 2 * 3
    assert taken.count("arith.constant") == 2 * 5
    assert taken.count("arith.addi") == 2
    assert taken.count("arith.xori") == 2
    headers = []
    original_function = fast_lines.FastLines.fast_function

    def spy_function(self, index):  # a test spy
        op = original_function(self, index)
        headers.append(op is not None)
        return op

    fast_lines.FastLines.fast_function = spy_function  # pyright: ignore[reportAttributeAccessIssue]  # a test spy
    try:
        _build(FAST, fast=True)
    finally:
        fast_lines.FastLines.fast_function = original_function  # pyright: ignore[reportAttributeAccessIssue]  # restore
    assert headers == [True, True, True]


@pytest.mark.parametrize(("old", "new"), MALFORMED, ids=lambda s: s.strip()[:40])
def test_malformed_lines_fall_back_to_the_general_path_and_its_error(old: str,
                                                                      new: str) -> None:
    assert old in FAST
    document = assert_same(FAST.replace(old, new, 1))
    if new.endswith(ONLY_NOT_FAST):  # valid, only not for the fast path
        assert document.diagnostics == ()
    elif "%later" not in new and "@missing" not in new:
        assert document.diagnostics, new


HEADERS = [
    # valid
    "func.func @f(%a: i32, %b: f32) -> (i32, f32) {\n  return %a, %b : i32, f32\n}\n",
    "func.func nested @f() -> () {\n  return\n}\n",
    "func.func public @f(%0: index) -> (index) {\n  return %0 : index\n}\n",
    "func.func private @f(%a: i1) {\n  return\n} loc(\"x.mlir\":3:4)\n",
    "func.func @f(%a: i32) -> i32 {\n^bb0:\n  return %a : i32\n}\n",
    "module {\n  func.func @f(%a: i32) -> i32 {\n    return %a : i32\n  }\n}\n",
    "func.func @f(%a: i32) -> i32 attributes {x} {\n  return %a : i32\n}\n",
    "func.func @f(%a: i32 {test.a}) -> i32 {\n  return %a : i32\n}\n",
    # malformed: each must report the general path's error at its place
    "func.func @f(%a: i32, %a: i32) -> i32 {\n  return %a : i32\n}\n",
    "func.func @f(%a: i32) -> i32 {}\n",
    "func.func @f() {}\n",
    "func.func @f(%a: i32) -> i32 {\n  return %a : i64\n}\n",
    "func.func @f(%a: i32) -> i64 {\n  return %a : i32\n}\n",
    "func.func @f(%a: i32) -> i32 {\n  %b = arith.addi %a, %a : i32\n",
    "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n} loc(\n",
    "func.func @f(%a: i32) -> i32 {\n  \"test.use\"(%a) ({\n  ^bb0(%a: i32):\n"
    "    \"test.end\"() : () -> ()\n  }) : (i32) -> ()\n  return %a : i32\n}\n",
    "func.func @f(%a: i32) -> i32 { return %a : i32 }\n",
    "func.func @f(%a: i32) -> i32 {\n  \"test.r\"() ({\n    func.return %a : i32\n  })"
    " : () -> ()\n  return %a : i32\n}\n",
    "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n^bb1:\n  return %a : i32\n}\n",
    "func.func @f(%a: i32, %c: i1) -> i32 {\n  cf.cond_br %c, ^bb1, ^bb2\n^bb1:\n"
    "  return %a : i32\n^bb2:\n  return %c : i1\n}\n",
    "module {\n  func.func @f(%a: i32) -> i32 {\n    %b = arith.addi %a, %a : i32\n"
    "    return %b : i32\n    %c = arith.addi %b, %b : i32\n  }\n}\n",
    "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n}\nfunc.func @f() {\n  return\n}\n",
]


@pytest.mark.parametrize("text", HEADERS, ids=lambda s: s.split("\n", 1)[0][:50])
def test_function_headers_match_the_general_path(text: str) -> None:
    assert_same(text)


def test_the_same_text_with_locations_and_a_module_shell() -> None:
    body = "\n".join("  " + line for line in FAST.splitlines())
    assert_same(f"module {{\n{body}\n}}\n")
    assert_same(f"module attributes {{test.x = 1}} {{\n{body}\n}}\n// -----\n{FAST}")


def _corpus() -> Iterator[Path]:
    yield from sorted(CORPUS.rglob("*.mlir"))


@pytest.mark.parametrize("path", list(_corpus()), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_differential_corpus_builds_the_same_with_and_without_fast_paths(path: Path) -> None:
    assert_same(path.read_text())


@pytest.mark.parametrize("text", ["", "   ", "// only a comment\n", "%", "return", "func.func"])
def test_items_that_end_early_take_the_general_path(text: str) -> None:
    from ir_studio.context import shared_context
    from ir_studio.parse_item import parse_item

    for fast in (True, False):
        SpanRecordingParser.fast_paths = fast
        try:
            parsed = parse_item(shared_context(), text, "x.mlir", {}, None)
        finally:
            SpanRecordingParser.fast_paths = True
        assert all(d.category != "internal" for d in parsed.diagnostics), parsed.diagnostics
        assert parsed.diagnostics
        assert parsed.op is None


def test_an_extension_that_replaces_an_op_turns_its_fast_path_off() -> None:
    from xdsl.context import Context
    from xdsl.dialects import arith, func

    from ir_studio.frontends.fast_ops import OpKinds

    ctx = Context()
    ctx.load_dialect(arith.Arith)
    kinds = OpKinds.of(ctx)
    assert "addi" in kinds.binary
    assert kinds.call is None
    assert kinds.ret is None
    ctx2 = Context()
    ctx2.load_dialect(func.Func)
    assert OpKinds.of(ctx2).ret is func.ReturnOp


DOMINANCE = """\
func.func @f(%a: i32, %flag: i1) -> i32 {
  %x = arith.addi %a, %a : i32
  cf.cond_br %flag, ^left, ^right
^left:
  %y = arith.addi %x, %a : i32
  %z = arith.addi %w, %y : i32
  %w = arith.addi %y, %y : i32
  cf.br ^right
^right:
  %v = arith.addi %y, %x : i32
  "test.region"() ({
    %in = arith.addi %v, %a : i32
    "test.end"(%in, %late) : (i32, i32) -> ()
  }) : () -> ()
  %late = arith.addi %v, %v : i32
  return %v : i32
}
"""


@pytest.mark.parametrize("text", [DOMINANCE, FAST], ids=["dominance", "fast"])
def test_dominance_shortcuts_agree_with_the_general_walk(text: str) -> None:
    from ir_studio.dominance import DominanceInfo, check_dominance, dominates

    document = _build(text, fast=True)
    for placed in document.items:
        record = placed.parsed.record
        if placed.parsed.op is None:
            continue
        info = DominanceInfo()
        expected = [u.span for u in record.value_uses if u.owner is not None
                    and not dominates(info, u.value, record.ops[u.owner].op)]
        found = check_dominance(record.ops, record.value_defs, record.value_uses)
        assert [d.span for d in found] == expected
    if text is DOMINANCE:
        flagged = [text[d.span.start : d.span.end] for d in document.diagnostics
                   if d.category == "dominance"]
        assert flagged == ["%w", "%y", "%late"], document.diagnostics


@pytest.mark.parametrize("fast", [True, False])
def test_a_bare_unknown_name_at_top_level_does_not_shadow_func_return_later(fast: bool) -> None:
    """xDSL remembers an unknown bare name in the (shared) context as an unregistered
    op; `return` typed at the top level of one file then broke `return` in every
    function parsed afterwards, in every file, until the server restarted."""
    function = "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n}\n"
    assert _build("return\n", fast=fast).diagnostics
    assert _build("yield\n", fast=fast).diagnostics
    assert _build(function, fast=fast).diagnostics == ()
    nested = ('func.func @g() {\n  "test.region"() ({\n    "test.end"() : () -> ()\n  })'
              " : () -> ()\n  return\n}\n")
    assert _build(nested, fast=fast).diagnostics == ()


def test_a_fast_call_is_verified_once_ir_studio_has_a_rule_for_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from xdsl.dialects import func
    from xdsl.utils.exceptions import VerifyException

    from ir_studio.context import shared_context
    from ir_studio.extra_verifiers import EXTRA_VERIFIERS
    from ir_studio.frontends.fast_ops import OpKinds, _no_rules_but_xdsl

    assert OpKinds(shared_context()).call_checked  # nothing but xDSL's verifier today
    assert not _no_rules_but_xdsl(func.ReturnOp)  # checks its function's result types

    def rule(op: Operation) -> None:
        raise VerifyException("a rule of ir-studio's")

    monkeypatch.setitem(EXTRA_VERIFIERS, "func.call", rule)
    assert not OpKinds(shared_context()).call_checked
    monkeypatch.setattr(OpKinds, "_by_context", {})
    document = _build(FAST, fast=True)
    assert [d.message for d in document.diagnostics] == [
        "'func.call' op a rule of ir-studio's"] * 3


def _tokens(lexer_class: type, text: str) -> list[tuple[object, int, int]]:
    from xdsl.utils.exceptions import ParseError
    from xdsl.utils.lexer import Input
    from xdsl.utils.mlir_lexer import MLIRTokenKind

    lexer = lexer_class(Input(text, "t.mlir"))
    found: list[tuple[object, int, int]] = []
    while True:
        try:
            token = lexer.lex()
        except ParseError as error:
            found.append(("error", error.span.start, error.span.end))
            return found
        if token.kind is MLIRTokenKind.EOF:  # (xDSL's end token is one character wide)
            found.append((token.kind, token.span.start, token.span.start))
            return found
        found.append((token.kind, token.span.start, token.span.end))


@pytest.mark.parametrize("path", list(_corpus())[::4], ids=lambda p: p.stem)
def test_the_fast_lexer_reads_the_tokens_xdsls_lexer_reads(path: Path) -> None:
    from xdsl.utils.mlir_lexer import MLIRLexer

    from ir_studio.frontends.lexer import FastMLIRLexer

    text = path.read_text() + "\n{-# dialect_resources: {} #-}\n{ {{}} }"
    assert _tokens(FastMLIRLexer, text) == _tokens(MLIRLexer, text)


def test_returns_that_end_a_fast_function_body_skip_verification() -> None:
    from ir_studio.context import shared_context

    parser = SpanRecordingParser(shared_context(), FAST.split("}\n", 1)[0] + "}", "t.mlir")
    parser.parse_operation()
    prechecked = {r.op.name for r in parser.record.ops if id(r.op) in parser.prechecked}
    assert prechecked == {"arith.addi", "arith.muli", "arith.subi", "func.call",
                          "func.return"}
