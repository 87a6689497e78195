"""Toy lexer, parser, AST dump and IR generation, including every error path."""

from __future__ import annotations

import pytest

from ir_studio.printing import print_ir
from ir_studio.toy import ast_nodes as A
from ir_studio.toy.ast_dump import dump_ast
from ir_studio.toy.frontend import compile_toy
from ir_studio.toy.parser import ToyParseError, parse_toy

TUTORIAL = """\
def multiply_transpose(a, b) {
  return transpose(a) * transpose(b);
}

def main() {
  var a = [[1, 2, 3], [4, 5, 6]];
  var b<2, 3> = [1, 2, 3, 4, 5, 6];
  var c = multiply_transpose(a, b);
  print(c);
}
"""


def test_precedence_mul_binds_tighter_than_add() -> None:
    module = parse_toy("def main() { var x = 1 + 2 * 3; }", "p.toy")
    decl = module.functions[0].body[0]
    assert isinstance(decl, A.VarDecl)
    assert isinstance(decl.init, A.BinaryOp)
    assert decl.init.op == "+"
    assert isinstance(decl.init.rhs, A.BinaryOp)
    assert decl.init.rhs.op == "*"


def test_ast_dump_matches_the_tutorial_layout() -> None:
    dump = dump_ast(parse_toy(TUTORIAL, "ast.toy"))
    lines = dump.splitlines()
    assert lines[:4] == [
        "  Module:",
        "    Function ",
        "      Proto 'multiply_transpose' @ast.toy:1:1",
        "      Params: [a, b]",
    ]
    # toyc places a binary op at the start of its right operand.
    assert "          BinOp: * @ast.toy:2:25" in lines
    assert "            Call 'transpose' [ @ast.toy:2:10" in lines
    assert ("          Literal: <2, 3>[ <3>[ 1.000000e+00, 2.000000e+00, 3.000000e+00], "
            "<3>[ 4.000000e+00, 5.000000e+00, 6.000000e+00]] @ast.toy:6:11") in lines
    assert "        VarDecl b<2, 3> @ast.toy:7:3" in lines
    assert lines[-1] == "      } // Block"


def test_struct_syntax_parses() -> None:
    module = parse_toy(
        "struct S { var a; var b; }\ndef f(S s) { return s.a; }\n"
        "def main() { S v = {[1], [2]}; print(f(v)); }", "s.toy")
    assert [s.name for s in module.structs] == ["S"]
    param = module.functions[0].proto.params[0]
    assert param.type.name == "S"
    assert param.name == "s"


@pytest.mark.parametrize(("source", "message", "line", "col"), [
    ("def main() { var a = [1, 2 }", "expected ',' or ']' in a literal", 1, 28),
    ("def main() { var a = [[1, 2], [3]]; }", "literal rows must have the same shape", 1, 31),
    ("def main() { var a = 1 }", "expected ';' after expression", 1, 24),
    ("def main() { print(1, 2); }", "print takes exactly one argument", 1, 14),
    ("var x = 1;", "expected 'def' or 'struct'", 1, 1),
    ("def main() { var a<2, x> = 1; }", "expected a dimension", 1, 23),
    ("def main() { var a = " + "(" * 300 + "1" + ")" * 300 + "; }", "nested deeper", 1, 0),
])
def test_parse_errors_have_exact_locations(source: str, message: str, line: int, col: int) -> None:
    with pytest.raises(ToyParseError) as info:
        parse_toy(source, "bad.toy")
    assert message in info.value.message
    assert info.value.loc.line == line
    if col:
        assert info.value.loc.col == col


def _errors(source: str) -> list[tuple[int, int, str]]:
    program = compile_toy(source, "e.toy")
    assert program.module is None
    from ir_studio.source import LineIndex

    index = LineIndex(source)
    out = []
    for d in program.diagnostics:
        pos = index.position(d.span.start)
        out.append((pos.line + 1, pos.column + 1, d.message))
    return out


@pytest.mark.parametrize(("source", "expected"), [
    ("def main() {\n  print(x);\n}", (2, 9, "unknown variable 'x'")),
    ("def main() {\n  var a = foo(1);\n}", (2, 11, "unknown function 'foo'")),
    ("def f(a, b) { return a; }\ndef main() {\n  print(f([1]));\n}",
     (3, 9, "function 'f' takes 2 arguments, got 1")),
    ("def main() {\n  var a<2, 2> = [1, 2, 3];\n}",
     (2, 3, "cannot declare 'a' with shape <2, 2> (4 elements) from a value of 3 elements")),
    ("def main() {\n  var a = [1];\n  var a = [2];\n}", (3, 3, "variable 'a' is already declared")),
    ("def main() {\n  print([1] - [2]);\n}", (2, 15, "invalid binary operator '-'")),
    ("def main() {\n  print(transpose([1], [2]));\n}",
     (2, 9, "transpose takes exactly one argument, got 2")),
    ("struct S { var a; }\ndef main() {\n  S s = {[1]};\n  print(s.b);\n}",
     (4, 11, "struct 'S' has no member 'b' (members: a)")),
    ("def main() {\n  T s = {[1]};\n}", (2, 3, "unknown struct type 'T'")),
])
def test_irgen_errors_are_diagnostics_at_the_toy_source(
    source: str, expected: tuple[int, int, str]
) -> None:
    assert _errors(source) == [expected]


def test_one_bad_function_does_not_hide_errors_in_others() -> None:
    source = "def f() {\n  print(x);\n}\ndef main() {\n  print(y);\n}"
    assert [m for _, _, m in _errors(source)] == ["unknown variable 'x'", "unknown variable 'y'"]


def test_ops_carry_toy_locations() -> None:
    program = compile_toy(TUTORIAL, "loc.toy")
    assert program.module is not None
    text = print_ir(program.module, debuginfo=True)
    assert 'toy.transpose(%a : tensor<*xf64>) to tensor<*xf64> loc("loc.toy":2:10)' in text
    assert 'toy.reshape' in text
    assert 'loc("loc.toy":7:3)' in text
    assert 'toy.generic_call @multiply_transpose' in text
    assert 'loc("loc.toy":8:11)' in text
