"""Spans for everything an editor points at, and the index that answers queries."""

from __future__ import annotations

from xdsl.dialects.builtin import FileLineColLoc

from ir_studio.document import build_document
from ir_studio.index import DocumentIndex
from ir_studio.testing import span_of, text_at

PROGRAM = """\
#map = affine_map<(d0) -> (d0)>
!t = i32
func.func @callee(%x: !t) -> (i32, i32) {
  %r:2 = "test.pair"(%x) : (i32) -> (i32, i32)
  return %r#0, %r#1 : i32, i32
}
func.func @caller(%a: i32, %flag: i1) -> i32 {
  cf.cond_br %flag, ^left, ^right(%a : i32)
^left:
  %p:2 = func.call @callee(%a) : (i32) -> (i32, i32)
  cf.br ^right(%p#1 : i32)
^right(%v: i32):
  return %v : i32
}
"""


def _doc():
    document = build_document("prog.mlir", 1, PROGRAM)
    assert document.diagnostics == ()
    return document, DocumentIndex(document)


def test_op_name_and_full_range() -> None:
    _document, index = _doc()
    at = index.at(span_of(PROGRAM, '"test.pair"').start + 2)
    assert at is not None
    assert at.kind == "op"
    assert text_at(PROGRAM, at.span) == '"test.pair"'
    record = at.payload
    assert text_at(PROGRAM, record.span.shifted(at.base)).startswith("%r:2")


def test_result_groups_resolve_to_each_member() -> None:
    _, index = _doc()
    use0 = span_of(PROGRAM, "%r#0")
    use1 = span_of(PROGRAM, "%r#1")
    occurrence = index.at(use1.start + 1)
    assert occurrence is not None
    assert occurrence.kind == "value-use"
    assert text_at(PROGRAM, occurrence.span) == "%r#1"
    definition = index.definition(use1.start + 1)
    assert [text_at(PROGRAM, s) for s in definition] == ["%r"]
    # each member of the group has its own uses
    assert [text_at(PROGRAM, s) for s in index.references(use0.start)] == ["%r", "%r#0"]
    assert [text_at(PROGRAM, s) for s in index.references(use1.start)] == ["%r", "%r#1"]


def test_block_labels_and_their_uses() -> None:
    _, index = _doc()
    use = span_of(PROGRAM, "^right(%a")
    refs = index.references(use.start + 1)
    assert [PROGRAM[s.start : s.end] for s in refs] == ["^right", "^right", "^right"]
    definition = index.definition(use.start + 1)
    assert definition == [span_of(PROGRAM, "^right", 2)]


def test_symbol_definitions_and_references_across_functions() -> None:
    _, index = _doc()
    call = span_of(PROGRAM, "@callee", 1)
    definition = index.definition(call.start + 2)
    assert definition == [span_of(PROGRAM, "@callee", 0)]
    assert index.references(call.start, include_declaration=False) == [call]


def test_alias_definitions_and_uses() -> None:
    _, index = _doc()
    use = span_of(PROGRAM, "!t", 1)
    assert index.definition(use.start + 1) == [span_of(PROGRAM, "!t", 0)]
    assert index.references(use.start, include_declaration=False) == [use]


def test_value_definition_and_uses_of_block_argument() -> None:
    _, index = _doc()
    use = span_of(PROGRAM, "%v : i32")
    assert index.definition(use.start) == [span_of(PROGRAM, "%v")]
    assert len(index.references(use.start)) == 2


def test_every_op_carries_a_file_line_col_location() -> None:
    document, _ = _doc()
    module = document.modules()[0]
    for op in module.body.walk():
        assert isinstance(op.location, FileLineColLoc), op.name
    call = next(op for op in module.walk() if op.name == "func.call")
    assert (call.location.line.data, call.location.column.data) == (10, 3)


def test_split_chunks_keep_file_absolute_positions() -> None:
    text = "func.func @a() {\n  return\n}\n// -----\nfunc.func @b(%x: i32) {\n  return\n}\n"
    document = build_document("s.mlir", 1, text)
    assert len(document.chunks) == 2
    index = DocumentIndex(document)
    use = span_of(text, "@b")
    occurrence = index.at(use.start + 1)
    assert occurrence is not None
    assert occurrence.span == use
    b = document.chunks[1].module
    func = next(iter(b.body.block.ops))
    assert func.location.line.data == 5


def test_spans_survive_a_cached_rebuild_after_an_edit() -> None:
    from ir_studio.document import ItemCache

    cache = ItemCache()
    first = build_document("c.mlir", 1, PROGRAM, cache=cache)
    edited = PROGRAM.replace("func.func @caller", "\n\nfunc.func @caller")
    second = build_document("c.mlir", 2, edited, cache=cache)
    assert second.items[0].parsed is first.items[0].parsed  # @callee was reused
    index = DocumentIndex(second)
    use = span_of(edited, "%v : i32")
    assert index.definition(use.start) == [span_of(edited, "%v")]
    call = next(op for op in second.modules()[0].walk() if op.name == "func.call")
    assert call.location.line.data == 12


def test_fast_path_ops_match_the_general_parser() -> None:
    """The parser builds plain binary arith ops directly; the result must be the op the
    declarative format would give (same properties, types, names) and wrong types must
    still be reported."""
    from ir_studio.document import build_document
    from ir_studio.printing import print_ir

    fast = (
        "func.func @f(%a: i32, %x: f32) -> i32 {\n  %s = arith.addi %a, %a : i32\n"
        "  %t = arith.mulf %x, %x : f32\n  %u = arith.xori %s, %a : i32\n  return %u : i32\n}\n"
    )
    slow = fast.replace("%a : i32\n", "%a : i32 // comment keeps the general path?\n", 1).replace(
        "arith.mulf %x, %x : f32", "arith.mulf %x, %x fastmath<none> : f32"
    )
    a, b = build_document("a.mlir", 1, fast), build_document("b.mlir", 1, slow)
    assert a.diagnostics == ()
    assert b.diagnostics == ()
    assert print_ir(a.modules()[0], generic=True) == print_ir(b.modules()[0], generic=True)
    bad = build_document(
        "c.mlir", 1, fast.replace("arith.addi %a, %a : i32", "arith.addi %x, %x : f32")
    )
    assert bad.diagnostics[0].message.startswith("'arith.addi' op")  # still reported
