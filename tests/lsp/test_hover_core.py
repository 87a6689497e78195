"""Hover in the core, without a server: uses of a value found by position, and the use
count capped so a value used everywhere costs no walk of its uses."""

from __future__ import annotations

from ir_studio.document import build_document
from ir_studio.ide.hover import hover_at
from ir_studio.index import DocumentIndex

NESTED = """\
func.func @f(%a: i32) -> i32 {
  %r = scf.execute_region -> i32 {
    %x = arith.addi %a, %a : i32
    scf.yield %x : i32
  }
  func.return %r : i32
}
"""


def _hover(text: str, line: int, col: int) -> str:
    document = build_document("file:///h.mlir", 1, text)
    info = hover_at(document, DocumentIndex(document), document.lines.offset(line, col))
    assert info is not None
    return info.markdown


def test_uses_inside_and_after_a_region_find_their_values() -> None:
    assert _hover(NESTED, 3, 15).startswith(
        '**%x**: `i32`\n\nDefined by result #0 of `"arith.addi"`'
    )
    assert '`"scf.execute_region"`' in _hover(NESTED, 5, 15)
    assert "block argument #0 of `func.func`" in _hover(NESTED, 2, 21)


def test_a_value_used_everywhere_shows_a_capped_count() -> None:
    lines = ["func.func @f(%a: i32) {"]
    lines += [f"  %v{i} = arith.addi %a, %a : i32" for i in range(600)]
    lines.append("  func.return\n}\n")
    text = "\n".join(lines)
    assert _hover(text, 1, 20).endswith("more than 1000 uses")
    assert _hover(text, 1, 3).endswith("0 uses")
