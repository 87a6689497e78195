"""A file checked in two slices (`ir_studio.parallel_build`) gets exactly the
diagnostics of the whole build, wherever the cut falls: errors in either half, calls
across the cut with wrong signatures or undefined callees, symbols defined twice across
it, aliases, a `module { }` around the items, `// -----` chunks."""

from __future__ import annotations

import pickle
import re

import pytest

from ir_studio.document import ItemCache, build_document
from ir_studio.parallel_build import SPLIT_MIN_CHARS, SliceResult, check_slice, merge, plan_cut


def _function(name: str, body: str = "", signature: str = "(%a: i32) -> i32") -> str:
    return f"func.func @{name}{signature} {{\n{body}  return %a : i32\n}}\n"


def _call(callee: str, text: str = "(%a) : (i32) -> i32", result: str = "%r") -> str:
    return f"  {result} = func.call @{callee}{text}\n"


VALID = "".join(_function(f"f{i}", _call(f"f{(i + 5) % 10}")) for i in range(10))

ERRORS_IN_BOTH_HALVES = (
    _function("a", "  %0 = arith.addi %a, %a : i64\n")  # type error, first half
    + "".join(_function(f"m{i}") for i in range(4))
    + _function("z", "  %0 = arith.muli %a, %nope : i32\n")  # undeclared, second half
)

CALLS_ACROSS = (
    _function("first", _call("last", "(%a, %a) : (i32, i32) -> i32"))  # operand count
    + "memref.global @g : memref<2xf32> = dense<0.0>\n"
    + _function("wrong_type", _call("first", "(%a) : (i32) -> i64"))
    + "".join(_function(f"pad{i}") for i in range(3))
    + _function("undefined_callee", _call("nowhere"))
    + _function("calls_global", _call("g"))
    + "func.func @reference() {\n  %f = func.constant @first : (i64) -> i32\n  return\n}\n"
    + _function("last", _call("first") + _call("wrong_type", result="%s"))
)

DUPLICATES_ACROSS = (
    _function("twice") + "".join(_function(f"p{i}") for i in range(4)) + _function("twice")
    + _function("caller", _call("twice"))
)

BROKEN_DEFINER = (
    "func.func @broken(%a: i32) -> i32 {\n  %0 = arith.addi %a, : i32\n  return %a : i32\n}\n"
    + "".join(_function(f"q{i}") for i in range(4))
    + _function("user", _call("broken") + _call("missing", result="%s"))
)

ALIASES_MODULE_CHUNKS = (
    "#map = affine_map<(d0) -> (d0)>\n!t = i32\n#bad = affine_map<(d0) -> (d0 +)>\n"
    "module attributes {test.attr} {\n"
    + "".join("  " + line + "\n" for f in [_function("m1", _call("m3")),
                                           _function("m2", signature="(%a: !t) -> i32"),
                                           _function("m3", _call("m1", "(%a) : (i32) -> f32"))]
              for line in f.rstrip("\n").split("\n"))
    + "}\n// -----\n"
    + _function("c2", _call("m1"))  # another chunk: m1 is not defined here
    + "".join(_function(f"c{i}") for i in range(3, 6))
    + _function("c6", _call("c2"))
)

LLVM_AND_GLOBALS = (
    "llvm.func @callee(i32, ...) -> i32\n"
    "memref.global \"private\" @buf : memref<4xf32> = dense<0.0>\n"
    + "".join(_function(f"r{i}") for i in range(3))
    + "llvm.func @user(%x: i64) -> i32 {\n"
    "  %0 = llvm.call @callee(%x) vararg(!llvm.func<i32 (i32, ...)>) : (i64) -> i32\n"
    "  llvm.return %0 : i32\n}\n"
    "func.func @get() {\n  %0 = memref.get_global @buf : memref<8xf32>\n  return\n}\n"
    "module @inner {\n  func.func private @hidden()\n"
    "  func.func @calls() {\n    func.call @hidden() : () -> ()\n"
    "    func.call @first_level() : () -> ()\n    return\n  }\n}\n"
    "func.func @first_level() {\n  func.call @hidden() : () -> ()\n  return\n}\n"
)

TEXTS = {
    "valid": VALID,
    "errors in both halves": ERRORS_IN_BOTH_HALVES,
    "calls across the cut": CALLS_ACROSS,
    "duplicates across the cut": DUPLICATES_ACROSS,
    "a broken definer": BROKEN_DEFINER,
    "aliases, module, chunks": ALIASES_MODULE_CHUNKS,
    "llvm calls and globals": LLVM_AND_GLOBALS,
}


def _cuts(text: str) -> list[int]:
    """Every line start that begins an item (and both ends)."""
    return [0, *(m.start() + 1 for m in re.finditer(r"\n(?=\S)", text)), len(text)]


def _split(text: str, cut: int) -> tuple[SliceResult, SliceResult]:
    first = check_slice("file:///s.mlir", text, cut, True, cache=ItemCache())
    second = check_slice("file:///s.mlir", text, cut, False)
    # what the worker sends: plain data that survives a pickle
    return first, pickle.loads(pickle.dumps(second))


@pytest.mark.parametrize("name", list(TEXTS))
def test_every_cut_gives_the_whole_builds_diagnostics(name: str) -> None:
    text = TEXTS[name]
    whole = build_document("file:///s.mlir", 1, text, cache=ItemCache()).diagnostics
    assert whole == build_document("file:///s.mlir", 1, text).diagnostics
    items = 0
    for cut in _cuts(text):
        first, second = _split(text, cut)
        assert merge(first, second) == whole, f"cut at {cut}: {text[cut:cut + 40]!r}"
        items = max(items, first.items + second.items)
    assert items >= 5


def test_the_files_have_the_errors_they_are_about() -> None:
    """Guards the test above: each text reports what it is meant to, across the cut."""
    def messages(text: str) -> list[str]:
        return [d.message for d in build_document("file:///s.mlir", 1, text).diagnostics]

    assert messages(VALID) == []
    calls = messages(CALLS_ACROSS)
    assert "incorrect number of operands for callee" in calls
    assert "result type mismatch at index 0" in calls
    assert "'@nowhere' does not reference a valid function" in calls
    assert "'@g' does not reference a valid function" in calls
    assert "'func.constant' op reference to function with mismatched type" in calls
    assert messages(DUPLICATES_ACROSS) == ["redefinition of symbol named 'twice'"]
    broken = messages(BROKEN_DEFINER)
    assert "'@missing' does not reference a valid function" in broken
    assert not any("@broken" in m for m in broken)
    chunks = messages(ALIASES_MODULE_CHUNKS)
    assert "'@m1' does not reference a valid function" in chunks
    assert "result type mismatch at index 0" in chunks
    assert len(chunks) >= 3  # and the alias error
    llvm = messages(LLVM_AND_GLOBALS)
    assert any("'llvm.call' op operand type mismatch" in m for m in llvm)
    assert any("does not match type" in m for m in llvm)
    assert "'@first_level' does not reference a valid function" in llvm


def test_the_worker_half_is_plain_data() -> None:
    """No xDSL op crosses the process line (attributes do: they pickle by value)."""
    cut = _cuts(CALLS_ACROSS)[4]
    second = check_slice("file:///s.mlir", CALLS_ACROSS, cut, False)
    for symbols in second.symbols.values():
        assert symbols.defs or symbols.uses
        assert all(f.op is None for f in symbols.defs + symbols.uses)


def test_small_files_and_gpu_launches_stay_in_one_process() -> None:
    assert plan_cut(VALID) is None
    big = VALID * (SPLIT_MIN_CHARS // len(VALID) + 1)
    cut = plan_cut(big)
    assert cut is not None
    assert big[cut - 1] == "\n"
    assert big.startswith("func.func @", cut)  # at a top-level op
    assert plan_cut(big + "// gpu.launch_func\n") is None
    for op in ("llvm.mlir.addressof", "llvm.mlir.global_ctors", "comdat"):  # read ops too
        assert plan_cut(big + f"// {op}\n") is None
    # one function, however large, is one item: nothing to share
    one = "func.func @one(%a: i32) -> i32 {\n" + "  %0 = arith.addi %a, %a : i32\n" * (
        SPLIT_MIN_CHARS // 30) + "  return %a : i32\n}\n"
    assert len(one) > SPLIT_MIN_CHARS
    assert plan_cut(one) is None
    wrapped = "module {\n" + "".join("  " + line + "\n" for line in big.splitlines()) + "}\n"
    assert plan_cut(wrapped) is not None
