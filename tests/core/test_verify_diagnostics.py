"""`--verify-diagnostics` semantics (MLIR's SourceMgrDiagnosticVerifierHandler) on the
diagnostics ir-studio really produces."""

from __future__ import annotations

from ir_studio.diagnostics import Diagnostic, Severity
from ir_studio.document import build_document
from ir_studio.source import LineIndex, Span
from ir_studio.verify_diagnostics import parse_expectations, verify

MISMATCH = ("func.func @f(%a: i32) -> f32 {\n"
            "  %r = arith.addf %a, %a : f32\n  return %r : f32\n}\n")


def check(text: str, *, lines_only: bool = False) -> list[str]:
    """Problems as `LINE: message` (1-based lines), the way a user reads them."""
    document = build_document("t.mlir", 0, text)
    result = verify(text, document.diagnostics, lines_only=lines_only)
    lines = LineIndex(text)
    return [f"{lines.position(p.span.start).line + 1}: {p.message}" if p.span else p.message
            for p in result.problems]


def test_matching_annotation_passes() -> None:
    text = MISMATCH.replace("{\n", "{\n  // expected-error@+1 {{use of value '%a' expects different type than prior uses}}\n", 1)
    assert check(text) == []


def test_unexpected_error_is_reported_at_its_place() -> None:
    assert check(MISMATCH) == [
        "2: unexpected error: use of value '%a' expects different type than prior uses: "
        "'f32' vs 'i32'"]


def test_missing_expectation_is_reported_at_the_annotation() -> None:
    text = "func.func @g() {\n  return // expected-error {{nothing here}}\n}\n"
    assert check(text) == ['2: expected error "nothing here" was not produced']


def test_substring_must_match_the_message() -> None:
    text = MISMATCH.replace("{\n", "{\n  // expected-error@+1 {{some other words}}\n", 1)
    problems = check(text)
    assert problems[0] == '2: expected error "some other words" was not produced'
    assert problems[1].startswith("3: unexpected error: use of value '%a'")


def test_lines_mode_ignores_the_words() -> None:
    text = MISMATCH.replace("{\n", "{\n  // expected-error@+1 {{some other words}}\n", 1)
    assert check(text, lines_only=True) == []


def test_lines_mode_still_checks_the_kind() -> None:
    text = MISMATCH.replace("{\n", "{\n  // expected-warning@+1 {{x}}\n", 1)
    assert check(text, lines_only=True) == [
        "2: 'error' diagnostic emitted when expecting a 'warning'",
        "2: expected warning was not produced"]


def test_near_miss_names_both_kinds() -> None:
    text = MISMATCH.replace("{\n", "{\n  // expected-remark@+1 {{use of value}}\n", 1)
    assert check(text) == ["2: 'error' diagnostic emitted when expecting a 'remark'",
                           '2: expected remark "use of value" was not produced']


def test_designators() -> None:
    text = ("// expected-error@below {{e1}}\n"
            "// expected-error@below {{e2}}\n"
            "line2\n"
            "line3 // expected-error {{e3}}\n"
            "// expected-error@above {{e4}}\n"  # line3 carries an annotation: not "above"
            "// expected-error@+2 {{e5}}\n"
            "line6\n"
            "line7\n"
            "line8\n"
            "// expected-error@-2 {{e6}}\n"
            "// expected-error@unknown {{e7}}\n")
    expectations, problems = parse_expectations(text)
    assert problems == []
    assert [(e.text, e.line) for e in expectations] == [
        ("e1", 2), ("e2", 2), ("e3", 3), ("e4", 2), ("e5", 7), ("e6", 7), ("e7", None)]


def test_below_at_the_end_of_a_chunk_dangles_past_it() -> None:
    text = "op\n// expected-error@below {{dangling}}\n// -----\nop\n"
    expectations, _ = parse_expectations(text, 0, text.index("// -----"))
    assert expectations[0].line == 2  # past the chunk's last line: never matched


def test_regex_parts_mix_with_literal_text() -> None:
    text = MISMATCH.replace(
        "{\n", "{\n  // expected-error-re@+1 {{different type than prior uses: '{{f[0-9]+}}' vs}}\n", 1)
    assert check(text) == []
    broken = MISMATCH.replace("{\n", "{\n  // expected-error-re@+1 {{a {{(}} b}}\n", 1)
    assert any("invalid regex" in p for p in check(broken))
    unclosed = MISMATCH.replace("{\n", "{\n  // expected-error-re@+1 {{a {{x}}\n", 1)
    assert any("found start of regex with no end '}}'" in p for p in check(unclosed))


def test_literal_text_is_not_a_regex() -> None:
    text = "func.func @g() {\n  return // expected-error {{a.*b}}\n}\n"
    assert check(text) == ['2: expected error "a.*b" was not produced']


def test_notes_are_matched_separately() -> None:
    diagnostic = Diagnostic(Span(0, 2), "main", related=())
    text = "op\n"
    result = verify(text + "// expected-error@-1 {{main}}\n", [diagnostic])
    assert result.ok
    from ir_studio.diagnostics import Related

    with_note = Diagnostic(Span(0, 2), "main", related=(Related(Span(0, 2), "see here"),))
    result = verify(text + "// expected-error@-1 {{main}}\n", [with_note])
    assert [p.message for p in result.problems] == ["unexpected note: see here"]
    result = verify(text + "// expected-error@-1 {{main}}\n// expected-note@-2 {{see}}\n",
                    [with_note])
    assert result.ok


def test_severities_map_to_mlir_kinds() -> None:
    text = "a\nb\nc\n// expected-warning@-3 {{w}}\n// expected-remark@-3 {{r}}\n" \
           "// expected-note@-3 {{n}}\n"
    found = [Diagnostic(Span(0, 1), "w", Severity.WARNING), Diagnostic(Span(2, 3), "r", Severity.INFO),
             Diagnostic(Span(4, 5), "n", Severity.HINT)]
    assert verify(text, found).ok


def test_annotations_apply_per_chunk() -> None:
    text = ("func.func @g() {\n  return\n}\n// expected-error@+2 {{x}}\n// -----\n"
            "func.func @h() {\n  return\n}\n")
    assert check(text) == ['4: expected error "x" was not produced']


def test_notes_are_expected_like_errors() -> None:
    text = ("func.func @f(%c: i1, %x: f32) {\n"
            "  // expected-error@+1 {{region branch point has 1 operands}}\n"
            "  %a, %b = scf.if %c -> (f32, f32) {\n"
            "    scf.yield %x : f32 // expected-note {{region branch point}}\n"
            "  } else {\n"
            "    scf.yield %x, %x : f32, f32\n"
            "  }\n"
            "  return\n}\n")
    assert check(text) == []
    unexpected = text.replace(" // expected-note {{region branch point}}", "")
    assert check(unexpected) == ["4: unexpected note: region branch point"]
