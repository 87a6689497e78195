"""The language registry: chosen once by language id or suffix, and nothing else in the
tree branches on file suffixes; Toy is compiled once per text version."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ir_studio import languages
from ir_studio.application import decode, load_program
from ir_studio.languages import get, language_for

ROOT = Path(__file__).resolve().parents[2]
TOY = "def main() {\n  var a = [[1, 2], [3, 4]];\n  print(transpose(a));\n}\n"
BAD_LL = "define i32 @f() {\n  %x = add i32 1, 2\n  ret i32 %y\n}\n"


@pytest.mark.parametrize(("name", "language_id", "expected"), [
    ("a.mlir", None, "mlir"), ("file:///w/a.toy", None, "toy"), ("/w/A.LL", None, "llvm"),
    ("notes.txt", None, "mlir"), (None, None, "mlir"), ("a.mlir", "llvm", "llvm"),
    ("untitled:1", "toy", "toy"), ("a.toy", "plaintext", "toy"),
])
def test_registry_picks_by_language_id_then_suffix(
    name: str | None, language_id: str | None, expected: str
) -> None:
    assert language_for(name, language_id).id == expected


def test_a_top_graph_is_specialised_to_the_tpu_language() -> None:
    text = ('"top.Input"(%0) : (tensor<1x4xf32>) -> tensor<1x4xf32>')
    program = load_program(decode("g.mlir", ("func.func @main(%0: tensor<1x4xf32>) {\n  %1 = "
                                              + text + "\n  return\n}\n").encode()))
    language = program.language.specialise(program.module)
    assert language.id == "tpu", program.diagnostics
    assert language.default_pipeline == "tpu-w8a16"
    plain = load_program(decode("p.mlir", b"func.func @f() {\n  return\n}\n"))
    assert plain.language.specialise(plain.module).id == "mlir"


SUFFIX_BRANCH = re.compile(r"""endswith\(\s*["']\.(toy|ll|mlir)["']|\.suffix\s*[=!]=|"""
                           r"""kind\s*==\s*["'](toy|llvm|mlir)["']""")


def test_nothing_outside_the_registry_branches_on_suffixes() -> None:
    offenders = []
    for folder in ("ir_studio", "lsp", "tui"):
        for path in (ROOT / folder).rglob("*.py"):
            if "languages" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if SUFFIX_BRANCH.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_toy_text_is_parsed_once_per_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    import ir_studio.toy.frontend as frontend
    import ir_studio.toy.ide as ide

    calls: list[str] = []
    original = frontend.parse_toy

    def counting(text: str, file: str):
        calls.append(file)
        return original(text, file)

    monkeypatch.setattr(frontend, "parse_toy", counting)
    monkeypatch.setattr(ide, "parse_toy", counting)
    analysis = get("toy").analyse("file:///w/t.toy", 1, TOY)
    assert len(calls) == 1
    assert [n.name for n in get("toy").outline(analysis)] == ["main"]
    hover = get("toy").hover(analysis, TOY.index("a ="))
    assert hover is not None
    assert "tensor<2x2xf64>" in hover.markdown
    calls.clear()
    broken = get("toy").analyse("file:///w/t.toy", 2, "def main( {\n")
    assert len(calls) == 1
    assert broken.document.diagnostics


@pytest.mark.parametrize(("name", "text"), [
    ("bad.ll", BAD_LL),
    ("bad.toy", "def main() {\n  var a = [1, 2];\n  print(b);\n}\n"),
    ("shape.toy", "def main() {\n  var a = [1, 2];\n  var b = [1, 2, 3];\n  print(a + b);\n}\n"),
    ("bad.mlir", "func.func @f(%a: i32) -> i32 {\n  return %b : i32\n}\n"),
])
def test_check_and_the_editor_give_the_same_diagnostics(name: str, text: str) -> None:
    program = load_program(decode(name, text.encode()))
    analysis = language_for(name).analyse(f"file:///w/{name}", 1, text)
    assert program.diagnostics
    assert [(d.span, d.message) for d in program.diagnostics] == [
        (d.span, d.message) for d in analysis.document.diagnostics]
    assert program.module is None


def test_every_language_has_a_lexer_and_is_listed() -> None:
    ids = {language.id for language in languages.all_languages()}
    assert ids == {"mlir", "toy", "llvm", "tpu"}
    for language in languages.all_languages():
        assert language.make_lexer().name
