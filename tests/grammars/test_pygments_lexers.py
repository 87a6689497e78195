"""The Pygments lexers: no error tokens on any sample, and `pygmentize -l mlir|toy`
finds them through the entry points after install."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from pygments.lexers import get_lexer_by_name
from pygments.token import Error

from ir_studio.pygments_lexers import MLIRLexer, ToyLexer

SAMPLES = Path(str(resources.files("ir_studio.sample_ir")))
FILES = sorted(SAMPLES.rglob("*.mlir")) + sorted(SAMPLES.rglob("*.toy"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_error_tokens(path: Path) -> None:
    lexer = ToyLexer() if path.suffix == ".toy" else MLIRLexer()
    errors = [text for token, text in lexer.get_tokens(path.read_text()) if token in Error]
    assert errors == []


def test_representative_tokens() -> None:
    from pygments.token import Comment, Keyword, Name

    tokens = list(
        MLIRLexer().get_tokens(
            '%0 = arith.addi %a, %b : i32 loc("f.mlir":1:2) // note\n^bb1: @sym #map !llvm.ptr'
        )
    )
    kinds = {text: token for token, text in tokens}
    assert kinds["%0"] in Name.Variable
    assert kinds["arith.addi"] in Name.Builtin
    assert kinds["i32"] in Keyword.Type
    assert kinds["// note"] in Comment
    assert kinds["^bb1"] in Name.Label
    assert kinds["@sym"] in Name.Function
    toy = {
        text: token for token, text in ToyLexer().get_tokens("def main() { var a<2> = [1, 2]; }")
    }
    assert toy["def"] in Keyword
    assert toy["main"] in Name.Function


def test_entry_points_register_the_lexers() -> None:
    assert isinstance(get_lexer_by_name("mlir"), MLIRLexer)
    assert isinstance(get_lexer_by_name("toy"), ToyLexer)
    pygmentize = Path(sys.executable).parent / "pygmentize"  # this environment's script
    if not pygmentize.exists():
        pytest.skip("pygmentize is not installed next to this Python")
    result = subprocess.run(
        [str(pygmentize), "-l", "mlir", "-f", "raw", str(SAMPLES / "demo.mlir")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "Token.Name.Variable" in result.stdout


LLVM22 = """@counter = global i32 0
define i32 @bump(i32 noundef %step) local_unnamed_addr #0 {
entry:
  %p = getelementptr inbounds nuw i8, ptr @counter, i64 4
  %c = call i32 (ptr, ...) @printf(ptr captures(none) @counter)
  ret i32 %c
}
attributes #0 = { nounwind memory(readwrite, argmem: none) }
"""


def test_llvm22_lexer_knows_new_attribute_syntax() -> None:
    from pygments.lexers.asm import LlvmLexer

    from ir_studio.pygments_lexers import LLVM22Lexer

    def errors(lexer: object) -> int:
        return sum(1 for token, _ in lexer.get_tokens(LLVM22) if token in Error)  # type: ignore[attr-defined]

    assert errors(LlvmLexer()) > 0  # Pygments' own lexer fails on LLVM 22 syntax
    assert errors(LLVM22Lexer()) == 0
    assert isinstance(get_lexer_by_name("llvm22"), LLVM22Lexer)
