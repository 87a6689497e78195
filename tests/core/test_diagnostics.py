"""Every error with its exact place; recovery per top-level op; checks xDSL lacks."""

from __future__ import annotations

from ir_studio.document import build_document
from ir_studio.index import DocumentIndex
from ir_studio.testing import span_of, text_at


def _diagnostics(text: str):
    return build_document("t.mlir", 1, text).diagnostics


def test_undefined_value_is_reported_at_its_use_not_at_end_of_file() -> None:
    text = "func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %zz : i32\n  return %0 : i32\n}\n"
    (diagnostic,) = _diagnostics(text)
    assert diagnostic.span == span_of(text, "%zz")
    assert "%zz" in diagnostic.message


def test_unknown_custom_op_is_reported_at_its_name() -> None:
    text = "func.func @f(%a: i32) {\n  foo.bar %a : i32\n  return\n}\n"
    (diagnostic,) = _diagnostics(text)
    assert diagnostic.span == span_of(text, "foo.bar")
    assert "foo.bar" in diagnostic.message


def test_unknown_dialect_in_generic_form_is_accepted() -> None:
    text = 'func.func @f(%a: i32) {\n  %0 = "foo.bar"(%a) {k = 1} : (i32) -> !foo.t<x>\n  return\n}\n'
    assert _diagnostics(text) == ()


def test_one_broken_function_neither_hides_other_errors_nor_their_spans() -> None:
    text = (
        "func.func @one(%a: i32) -> i32 {\n  %0 = arith.addi %a, %a : \n  return %0 : i32\n}\n"
        "func.func @two(%a: i32) -> i64 {\n  return %a : i32\n}\n"
        "func.func @three(%b: i32) -> i32 {\n  %1 = arith.muli %b, %b : i32\n  return %1 : i32\n}\n"
    )
    document = build_document("t.mlir", 1, text)
    lines = sorted(document.lines.position(d.span.start).line + 1 for d in document.diagnostics)
    assert lines == [2, 6]  # parse error at the end of @one's line 2 (as MLIR), verifier error in @two
    index = DocumentIndex(document)
    use = span_of(text, "%1 : i32")
    assert index.definition(use.start) == [span_of(text, "%1")]


def test_verifier_error_is_reported_at_the_failing_op_without_a_module_dump() -> None:
    text = "func.func @f(%a: i32) -> i64 {\n  return %a : i32\n}\n"
    (diagnostic,) = _diagnostics(text)
    assert text_at(text, diagnostic.span) == "return"
    assert diagnostic.category == "verify"
    assert "builtin.module" not in diagnostic.message
    assert "\n" not in diagnostic.message


def test_every_failing_op_is_reported() -> None:
    text = (
        "func.func @f(%a: i32, %b: i64) {\n"
        '  %0 = "arith.addi"(%a, %b) : (i32, i64) -> i32\n'
        '  %1 = "arith.muli"(%b, %a) : (i64, i32) -> i64\n'
        "  return\n}\n"
    )
    lines = [build_document("t", 1, text).lines.position(d.span.start).line
             for d in _diagnostics(text)]
    assert lines == [1, 2]


def test_use_before_definition_in_one_block() -> None:
    text = ("func.func @f(%a: i32) -> i32 {\n  %1 = arith.addi %0, %a : i32\n"
            "  %0 = arith.addi %a, %a : i32\n  return %1 : i32\n}\n")
    (diagnostic,) = _diagnostics(text)
    assert diagnostic.category == "dominance"
    assert diagnostic.span == span_of(text, "%0", 0)
    assert diagnostic.message == "operand #0 does not dominate this use"
    assert diagnostic.related[0].span == span_of(text, "%0", 1)


def test_use_across_blocks_that_do_not_dominate() -> None:
    text = (
        "func.func @f(%c: i1, %a: i32) -> i32 {\n"
        "  cf.cond_br %c, ^l, ^r\n"
        "^l:\n  %x = arith.addi %a, %a : i32\n  cf.br ^j\n"
        "^r:\n  cf.br ^j\n"
        "^j:\n  return %x : i32\n}\n"
    )
    (diagnostic,) = _diagnostics(text)
    assert diagnostic.category == "dominance"
    assert diagnostic.span == span_of(text, "%x", 1)


def test_dominating_block_across_blocks_is_fine() -> None:
    text = (
        "func.func @f(%a: i32) -> i32 {\n  %x = arith.addi %a, %a : i32\n  cf.br ^b\n"
        "^b:\n  %y = arith.addi %x, %x : i32\n  return %y : i32\n}\n"
    )
    assert _diagnostics(text) == ()


def test_undefined_symbol_and_call_signature_mismatches() -> None:
    text = (
        "func.func @g(%a: i32) -> i32 {\n  return %a : i32\n}\n"
        "func.func @f(%a: i32, %b: i64) {\n"
        "  %0 = func.call @missing(%a) : (i32) -> i32\n"
        "  %1 = func.call @g(%b) : (i64) -> i32\n"
        "  %2 = func.call @g(%a, %a) : (i32, i32) -> i32\n"
        "  return\n}\n"
    )
    messages = [(text_at(text, d.span), d.message) for d in _diagnostics(text)]
    assert messages[0] == ("@missing", "'@missing' does not reference a valid function")
    assert messages[1][1].startswith("operand type mismatch: expected operand type i32")
    assert messages[2][1] == "incorrect number of operands for callee"


def test_symbol_redefinition_has_a_note_at_the_first() -> None:
    text = "func.func @g() {\n  return\n}\nfunc.func @g() {\n  return\n}\n"
    (diagnostic,) = _diagnostics(text)
    assert diagnostic.span == span_of(text, "@g", 1)
    assert diagnostic.related[0].span == span_of(text, "@g", 0)


def test_symbol_checks_do_not_use_xdsls_linear_scan(monkeypatch) -> None:
    from xdsl.traits import SymbolTable

    def forbidden(*_args, **_kwargs):
        raise AssertionError("quadratic lookup used")

    monkeypatch.setattr(SymbolTable, "lookup_symbol", staticmethod(forbidden))
    calls = "".join(f"  %r{i} = func.call @g(%a) : (i32) -> i32\n" for i in range(200))
    text = ("func.func @g(%a: i32) -> i32 {\n  return %a : i32\n}\n"
            f"func.func @f(%a: i32) {{\n{calls}  return\n}}\n")
    assert _diagnostics(text) == ()


def test_empty_block_and_missing_terminator() -> None:
    text = "func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %a : i32\n}\n"
    (diagnostic,) = _diagnostics(text)
    assert "terminator" in diagnostic.message


def test_memref_global_custom_syntax_round_trips() -> None:
    from ir_studio.printing import print_ir

    text = ('memref.global "private" constant @table : memref<2xi32> = dense<[1, 2]>\n'
            "func.func @read() -> memref<2xi32> {\n"
            "  %0 = memref.get_global @table : memref<2xi32>\n  return %0 : memref<2xi32>\n}\n")
    document = build_document("g.mlir", 1, text)
    assert document.diagnostics == ()
    printed = print_ir(document.modules()[0])
    assert 'memref.global "private" constant @table : memref<2xi32> = dense<[1, 2]>' in printed
    assert build_document("g2.mlir", 1, printed).diagnostics == ()


def test_xdsl_missing_checks_are_added() -> None:
    text = ("func.func @f(%t: tensor<2x2xf32>, %i: index) -> f32 {\n"
            "  %x = tensor.extract %t[%i] : tensor<2x2xf32>\n  return %x : f32\n}\n")
    (diagnostic,) = _diagnostics(text)
    assert "incorrect number of indices" in diagnostic.message


def test_undefined_block_is_reported_at_the_reference() -> None:
    text = "func.func @f() {\n  cf.br ^nowhere\n}\n"
    (diagnostic,) = _diagnostics(text)
    assert diagnostic.span == span_of(text, "^nowhere")


def test_unknown_op_of_a_known_dialect_says_so() -> None:
    text = "func.func @f(%a: i32) {\n  %0 = arith.bogus %a : i32\n  return\n}\n"
    (diagnostic,) = _diagnostics(text)
    assert diagnostic.span == span_of(text, "arith.bogus")
    assert diagnostic.message == "unknown operation 'arith.bogus': dialect 'arith' has no such op"


def test_documents_are_immutable_snapshots() -> None:
    import dataclasses

    import pytest

    document = build_document("i.mlir", 3, "func.func @f() {\n  return\n}\n")
    assert document.version == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.text = "changed"  # type: ignore[misc]
    assert isinstance(document.diagnostics, tuple)
    assert isinstance(document.items, tuple)


GENERIC_CALLEE = (
    '"func.func"() <{function_type = (i32) -> i32, sym_name = "callee"}> ({\n'
    "^bb0(%x: i32):\n"
    '  "func.return"(%x) : (i32) -> ()\n'
    "}) : () -> ()\n"
    "func.func @caller(%a: i32) -> i32 {\n"
    "  %0 = func.call @callee(%a) : (i32) -> i32\n"
    "  %1 = func.call @callee(%a, %a) : (i32, i32) -> i32\n"
    "  return %0 : i32\n}\n"
)


def test_symbols_defined_in_generic_form_resolve_and_are_checked() -> None:
    """`sym_name = "callee"` defines @callee as surely as `func.func @callee` does."""
    (diagnostic,) = _diagnostics(GENERIC_CALLEE)
    assert diagnostic.message == "incorrect number of operands for callee"
    assert diagnostic.related[0].span == span_of(GENERIC_CALLEE, '"callee"')


def test_renaming_a_generic_form_symbol_keeps_its_definition_a_string() -> None:
    from ir_studio.document import build_document
    from ir_studio.ide.rename import rename_edits
    from ir_studio.index import DocumentIndex

    document = build_document("g.mlir", 0, GENERIC_CALLEE)
    index = DocumentIndex(document)
    _, edits = rename_edits(document, index, span_of(GENERIC_CALLEE, "@callee").start + 1,
                            "renamed")
    text = GENERIC_CALLEE
    for span, replacement in sorted(edits, key=lambda e: -e[0].start):
        text = text[: span.start] + replacement + text[span.end:]
    assert 'sym_name = "renamed"' in text
    assert text.count("@renamed") == 2
    assert "callee" not in text.replace("for callee", "")
    assert len(build_document("g.mlir", 1, text).diagnostics) == 1  # only the arity error
