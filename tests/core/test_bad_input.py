"""Bad input gets a diagnostic, never a traceback or a hang."""

from __future__ import annotations

from ir_studio.application import decode
from ir_studio.document import build_document


def test_empty_file_is_clean() -> None:
    document = build_document("e.mlir", 1, "")
    assert document.diagnostics == ()
    assert document.modules()[0].body.block.first_op is None


def test_comment_only_file_is_clean() -> None:
    assert build_document("c.mlir", 1, "// nothing here\n").diagnostics == ()


def test_non_utf8_bytes_are_a_located_diagnostic() -> None:
    source = decode("b.mlir", b"func.func @f() {\n  return\n}\n// caf\xe9\n")
    assert source.problem is not None
    assert "0xe9" in source.problem.message
    assert source.text[: source.problem.span.start].count("\n") == 3


def test_binary_file_is_a_diagnostic() -> None:
    source = decode("b.mlir", b"\x7fELF\x02\x01\x01\x00\x00\x00")
    assert source.problem is not None
    assert "binary" in source.problem.message


def test_garbage_text_is_a_parse_error() -> None:
    document = build_document("g.mlir", 1, "\x01\x02 )))) ^^^ \u2603 }{")
    assert document.diagnostics
    assert all(d.category == "parse" for d in document.diagnostics)


def test_megabyte_line() -> None:
    values = ", ".join(str(i) for i in range(200_000))
    text = f'"foo.op"() {{big = array<i32: {values}>}} : () -> ()\n'
    assert len(text) > 1_000_000
    document = build_document("l.mlir", 1, text)
    assert document.diagnostics == ()


def test_megabyte_line_with_error_reports_its_column() -> None:
    text = '"foo.op"() {big = [' + "1, " * 400_000 + '1 @@@] } : () -> ()\n'
    (diagnostic,) = build_document("l.mlir", 1, text).diagnostics
    assert diagnostic.span.start > 1_000_000


def test_regions_nested_5000_deep() -> None:
    depth = 5000
    text = '"foo.op"() ({\n' * depth + "}) : () -> ()\n" * depth
    document = build_document("deep.mlir", 1, text)
    assert document.diagnostics == ()


def test_an_exception_escaping_xdsl_becomes_an_internal_error_at_the_op(monkeypatch) -> None:
    from xdsl.dialects import arith

    def explode(self) -> None:
        raise KeyError("boom")

    # divsi: not one of the parser's fast-path ops, which are valid by construction
    monkeypatch.setattr(arith.DivSIOp, "verify_", explode)
    text = "func.func @f(%a: i32) -> i32 {\n  %0 = arith.divsi %a, %a : i32\n  return %0 : i32\n}\n"
    (diagnostic,) = build_document("x.mlir", 1, text).diagnostics
    assert diagnostic.message.startswith("internal error while verifying 'arith.divsi'")
    assert text[diagnostic.span.start : diagnostic.span.end] == "arith.divsi"


def test_unterminated_string_is_fast_not_exponential() -> None:
    import time

    from ir_studio.document import build_document

    text = 'func.func @f() {\n  "x.op"() {a = "' + "ab " * 200 + "} : () -> ()\n  return\n}\n"
    start = time.perf_counter()
    document = build_document("s.mlir", 1, text)
    # xDSL's own string regex backtracks exponentially here (minutes); ours is linear
    assert time.perf_counter() - start < 5
    assert document.diagnostics[0].message == "End of file reached before closing string literal."
