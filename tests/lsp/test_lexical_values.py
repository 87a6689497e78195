"""`lexical.visible_values`: which values the text says are usable at the cursor, for a
function that has never parsed (regions, blocks and op headers read off the text)."""

from __future__ import annotations

import pytest

from ir_studio.ide.lexical import visible_values

CASES = {
    "closed regions and the op being typed": (
        "func.func @g() {\n  return\n}\n"
        "func.func @f(%a: f32, %b: f32) -> f32 {\n  %sum = arith.addf %a, %b : f32\n"
        "  scf.if %c {\n    %inner = arith.addf %a, %a : f32\n  }\n"
        "  %p = arith.mulf %sum,\n  %q = arith.subf %",
        ["%p", "%sum", "%b", "%a"],
    ),
    "other blocks do not dominate, the entry block does": (
        "func.func @f(%a: i32) {\n  %e = arith.addi %a, %a : i32\n  cf.br ^bb1\n^bb1:\n"
        "  %y = arith.addi %a, %a : i32\n  cf.br ^bb2\n^bb2(%w: i32):\n  %z = ",
        ["%w", "%e", "%a"],
    ),
    "a labelled entry block": (
        "func.func @f() {\n^bb0(%x: i32):\n  %y = arith.addi %x, %x : i32\n  cf.br ^bb2\n"
        "^bb2:\n  %z = ",
        ["%y", "%x"],
    ),
    "inside a region: its arguments, not the holder's results": (
        "func.func @f(%lb: index) {\n  %r:2, %s = scf.for %i = %lb to %lb\n"
        "      step %lb iter_args(%acc = %lb) -> (index) {\n    %z = ",
        ["%acc", "%i", "%lb"],
    ),
    "after a region: the holder's results, not its arguments": (
        "func.func @f(%lb: index) {\n  %q = arith.addi %lb, %lb : index\n"
        "  %r = scf.for %i = %lb to %lb step %lb iter_args(%acc = %lb) -> (index) {\n"
        "    scf.yield %acc : index\n  }\n  %z = ",
        ["%r", "%q", "%lb"],
    ),
    "strings and comments hide braces": (
        'func.func @f(%a: i32) {\n  // a { in a comment\n  %s = "x.op"() {k = "}"} : () -> i32\n'
        "  %z = ",
        ["%s", "%a"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_visible_values(case: str) -> None:
    text, expected = CASES[case]
    found, complete = visible_values(text, len(text))
    assert [t.name for t in found] == expected
    assert complete


def test_a_huge_function_stops_at_the_limit() -> None:
    lines = ["func.func @big(%arg0: i32) -> i32 {"]
    lines += [f"  %{i} = arith.addi %arg0, %arg0 : i32" for i in range(5000)]
    text = "\n".join([*lines, "  return %"])
    found, complete = visible_values(text, len(text), limit=10)
    assert [t.name for t in found] == [f"%{i}" for i in range(4999, 4989, -1)]
    assert not complete
    found, complete = visible_values(text, len(text), prefix="arg", limit=10)
    assert [t.name for t in found] == ["%arg0"]
    assert complete
