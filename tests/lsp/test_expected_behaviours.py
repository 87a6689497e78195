"""Behaviours users expect (issue 15, point 4), end to end through pytest-lsp:
completion in a function that never parsed, completion at the top level of a file,
hover naming an op's operands and results, and the expected-* code action for
parser errors (including MLIR's own code-action scenario)."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")


def _doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri)


async def _complete(
    client: LanguageClient, uri: str, line: int, col: int
) -> list[types.CompletionItem]:
    result = await client.text_document_completion_async(
        types.CompletionParams(_doc(uri), pos(line, col))
    )
    assert isinstance(result, types.CompletionList)
    return result.items


MID_EDIT = """\
func.func @other(%z: f32) -> f32 {
  %elsewhere = arith.negf %z : f32
  func.return %elsewhere : f32
}
func.func @typing(%a: f32, %b: f32) -> f32 {
  %sum = arith.addf %a, %b : f32
  %flag = arith.cmpf olt, %a, %b : f32
  %sel = scf.if %flag -> (f32) {
    %inner = arith.mulf %a, %a : f32
    scf.yield %inner : f32
  } else {
    scf.yield %b : f32
  }
  %next = arith.subf %
"""


async def test_values_in_a_function_that_never_parsed(client: LanguageClient) -> None:
    uri = uri_in(client, "mid-edit.mlir")
    diagnostics = await open_doc(client, uri, MID_EDIT)
    assert any(d.range.start.line >= 13 for d in diagnostics), "the open function is an error"
    items = await _complete(client, uri, 13, 22)
    labels = {i.label: i for i in items}
    # above the cursor, in regions still open there: not %inner (its region closed),
    # not %next (the op being typed), not the other function's values
    assert set(labels) == {"%sel", "%flag", "%sum", "%a", "%b"}
    assert [i.label for i in items][:3] == ["%sel", "%flag", "%sum"]  # nearest first
    assert labels["%sum"].detail == "arith.addf"  # the trailing type may be an operand's
    assert labels["%sum"].insert_text == "sum"
    assert labels["%a"].detail == "argument: f32"
    from tests.lsp.helpers import change

    await change(client, uri, [(rng((13, 22), (13, 22)), "s")])
    assert {i.label for i in await _complete(client, uri, 13, 23)} == {"%sel", "%sum"}


async def test_mlir_completion_scenario_opened_mid_edit(client: LanguageClient) -> None:
    """MLIR's completion test opens its half-typed text directly: no parse to lean on."""
    uri = uri_in(client, "complete-mid-edit.mlir")
    text = (
        "func.func private @foo(%arg: i32) -> i32 {\n"
        '  %cast = "builtin.unrealized_conversion_cast"() : () -> (i32)\n'
        "  return %\n"
    )
    await open_doc(client, uri, text)
    labels = {i.label: i for i in await _complete(client, uri, 2, 10)}
    assert set(labels) == {"%cast", "%arg"}
    assert labels["%cast"].detail == "builtin.unrealized_conversion_cast: i32"
    assert labels["%cast"].insert_text == "cast"


FILE_START = {"builtin.module", "func.func", "llvm.func", "gpu.module", "memref.global"}


async def test_completion_at_the_top_level_offers_what_starts_a_file(
    client: LanguageClient,
) -> None:
    uri = uri_in(client, "top-level.mlir")
    await open_doc(client, uri, "func.func @f() {\n  func.return\n}\n\n")
    items = await _complete(client, uri, 3, 0)
    labels = [i.label for i in items]
    assert FILE_START <= set(labels)
    assert {"arith", "func", "llvm", "gpu"} <= set(labels)  # dialects too
    assert labels.index("builtin.module") < labels.index("arith")  # file starters first
    module = next(i for i in items if i.label == "builtin.module")
    assert module.kind == types.CompletionItemKind.Function
    assert module.detail == "starts a file"
    # a prefix narrows them
    from tests.lsp.helpers import change

    await change(client, uri, [(rng((3, 0), (3, 0)), "gpu")])
    assert {i.label for i in await _complete(client, uri, 3, 3)} == {"gpu", "gpu.module"}


async def test_completion_in_an_empty_file_and_inside_a_module(client: LanguageClient) -> None:
    empty = uri_in(client, "empty.mlir")
    await open_doc(client, empty, "")
    assert FILE_START <= {i.label for i in await _complete(client, empty, 0, 0)}
    nested = uri_in(client, "in-module.mlir")
    await open_doc(client, nested, "module {\n  \n  func.func @f() {\n    \n  }\n}\n")
    assert FILE_START <= {i.label for i in await _complete(client, nested, 1, 2)}
    # inside a function body: ops of a body, not the ones that start a file
    body = {i.label for i in await _complete(client, nested, 3, 4)}
    assert "func.return" in body
    assert not FILE_START & body - {"func.func"}


HOVER = """\
func.func @f(%a: f32, %b: f32, %m: memref<4xf32>, %i: index) -> f32 {
  %sum = arith.addf %a, %b : f32
  %l = memref.load %m[%i] : memref<4xf32>
  %r = func.call @f(%a, %b, %m, %i) : (f32, f32, memref<4xf32>, index) -> f32
  func.return %sum : f32
}
"""


async def _hover(client: LanguageClient, uri: str, line: int, col: int) -> str:
    found = await client.text_document_hover_async(types.HoverParams(_doc(uri), pos(line, col)))
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def test_hover_names_operands_and_results_with_their_constraints(
    client: LanguageClient,
) -> None:
    uri = uri_in(client, "hover-ods.mlir")
    assert await open_doc(client, uri, HOVER) == []
    addf = await _hover(client, uri, 1, 12)
    assert "- `lhs`: `f32` — " in addf
    assert "- `rhs`: `f32` — " in addf
    assert "- `result`: `f32` — " in addf
    lhs_line = next(line for line in addf.splitlines() if line.startswith("- `lhs`"))
    assert "f32" in lhs_line.split("—")[1]  # the constraint names the float types
    assert "same type as every `T`" in lhs_line
    load = await _hover(client, uri, 2, 9)
    assert "- `memref`: `memref<4xf32>` — memref<...>" in load
    assert "- `indices` (variadic): `index` — index" in load
    call = await _hover(client, uri, 3, 9)
    assert "- `arguments` (variadic): `f32`, `f32`, `memref<4xf32>`, `index`" in call
    unregistered = uri_in(client, "hover-unregistered.mlir")
    await open_doc(client, unregistered, '"my.op"() : () -> ()\n')
    assert "Operands: none" in await _hover(client, unregistered, 0, 3)


def _check_edits(action: types.CodeAction, uri: str) -> list[tuple[int, int, str]]:
    assert action.edit is not None
    assert action.edit.changes is not None
    return [
        (e.range.start.line, e.range.start.character, e.new_text) for e in action.edit.changes[uri]
    ]


async def _actions(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=_doc(uri),
            range=diagnostic.range,
            context=types.CodeActionContext(
                diagnostics=[diagnostic], only=[types.CodeActionKind.QuickFix]
            ),
        )
    )
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


def _mlir_diagnostic(
    start: tuple[int, int], end: tuple[int, int], message: str, uri: str, note: tuple
) -> types.Diagnostic:
    (note_start, note_end, note_message) = note
    return types.Diagnostic(
        range=rng(start, end),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source="mlir",
        related_information=[
            types.DiagnosticRelatedInformation(
                types.Location(uri, rng(note_start, note_end)), note_message
            )
        ],
    )


async def test_expected_checks_for_diagnostics_mlir_lsp_server_sent(client: LanguageClient) -> None:
    """MLIR's code-action test: diagnostics of source "mlir", asked for a URI this
    server never opened; the edits need only their lines and messages."""
    uri = uri_in(client, "never-opened.mlir")
    float_literal = _mlir_diagnostic(
        (0, 8),
        (0, 10),
        "unexpected decimal integer literal for a floating point value",
        uri,
        ((0, 8), (0, 10), "add a trailing dot to make the literal a float"),
    )
    (action,) = await _actions(client, uri, float_literal)
    assert action.title == "Add expected-* diagnostic checks"
    assert action.kind == types.CodeActionKind.QuickFix
    assert _check_edits(action, uri) == [
        (
            0,
            0,
            "// expected-error @below {{unexpected decimal integer literal for a floating"
            " point value}}\n",
        ),
        (0, 0, "// expected-note @below {{add a trailing dot to make the literal a float}}\n"),
    ]
    mismatch = _mlir_diagnostic(
        (3, 9),
        (3, 13),
        "use of value '%arg' expects different type than prior uses: 'i64' vs 'i32'",
        uri,
        ((2, 15), (2, 19), "prior use here"),
    )
    (action,) = await _actions(client, uri, mismatch)
    assert [(line, col) for line, col, _ in _check_edits(action, uri)] == [(3, 0), (2, 0)]


PARSE_ERROR = """\
func.func @f(%x: i32) -> i32 {
  %y = arith.addi %x, %x : i32
    %z = arith.muli %y, : i32
  func.return %y : i32
}
"""


async def test_expected_checks_for_a_parser_error_of_this_server(client: LanguageClient) -> None:
    uri = uri_in(client, "parse-error-action.mlir")
    diagnostics = await open_doc(client, uri, PARSE_ERROR)
    parse = next(d for d in diagnostics if d.code == "parse")
    assert parse.range.start.line == 2
    actions = await _actions(client, uri, parse)
    expected = next(a for a in actions if a.title == "Add expected-* diagnostic checks")
    assert _check_edits(expected, uri)[0] == (
        2,
        0,
        f"    // expected-error @below {{{{{parse.message}}}}}\n",
    )
    # the same diagnostic as mlir-lsp-server would send it back: indented from the text
    as_mlir = types.Diagnostic(parse.range, parse.message, severity=parse.severity, source="mlir")
    (action,) = await _actions(client, uri, as_mlir)
    assert _check_edits(action, uri)[0][2].startswith("    // expected-error @below {{")
    # another tool's diagnostics are not this server's to check
    foreign = types.Diagnostic(parse.range, parse.message, source="clangd")
    assert await _actions(client, uri, foreign) == []


async def test_values_in_a_large_function_that_never_parsed(client: LanguageClient) -> None:
    """Asked right after the open (the first build may still run): the text answers,
    nearest first, capped, marked incomplete so the client asks again as it types."""
    lines = ["func.func @chain(%arg0: i32) -> i32 {"]
    lines += [f"  %v{i} = arith.addi %arg0, %arg0 : i32" for i in range(8000)]
    lines.append("  %r = arith.addi %")
    uri = uri_in(client, "large-mid-edit.mlir")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="mlir", version=1, text="\n".join(lines))
        )
    )
    result = await client.text_document_completion_async(
        types.CompletionParams(_doc(uri), pos(len(lines) - 1, len(lines[-1])))
    )
    assert isinstance(result, types.CompletionList)
    assert result.is_incomplete
    assert [i.label for i in result.items[:3]] == ["%v7999", "%v7998", "%v7997"]
    assert len(result.items) == 200
