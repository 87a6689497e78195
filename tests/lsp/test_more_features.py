"""Inlay hints, signature help, formatting and generic/custom form conversion."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

PROGRAM = """\
func.func @f(%n: index) -> i1 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %flag = arith.constant true
  scf.for %i = %c0 to %n step %c1 {
    %x = arith.addi %i, %i : index
  }
  return %flag : i1
}
"""


def _doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri)


async def test_inlay_hints_only_where_the_text_does_not_spell_the_type(
    client: LanguageClient,
) -> None:
    uri = uri_in(client, "hints.mlir")
    await open_doc(client, uri, PROGRAM)
    hints = await client.text_document_inlay_hint_async(
        types.InlayHintParams(_doc(uri), rng((0, 0), (9, 0)))
    )
    assert [(h.position, h.label) for h in hints or []] == [
        (pos(3, 7), ": i1"),
        (pos(4, 12), ": index"),
    ]


async def test_signature_help_for_operands(client: LanguageClient) -> None:
    uri = uri_in(client, "sig.mlir")
    text = PROGRAM.replace("    %x = arith.addi %i, %i : index\n", "    %x = arith.addi %i, \n")
    await open_doc(client, uri, text)
    help_ = await client.text_document_signature_help_async(
        types.SignatureHelpParams(_doc(uri), pos(5, 24))
    )
    assert help_ is not None
    assert help_.active_parameter == 1
    assert help_.signatures[0].label.startswith("arith.addi %lhs: integer | index")


async def test_formatting_only_moves_whitespace(client: LanguageClient) -> None:
    uri = uri_in(client, "fmt.mlir")
    messy = (
        "func.func @f(%a: i32) -> i32 {   \n      %b = arith.addi %a, %a : i32 // keep me\n"
        "\n\n\n   return %b : i32\n}\n"
    )
    await open_doc(client, uri, messy)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            _doc(uri), types.FormattingOptions(tab_size=2, insert_spaces=True)
        )
    )
    assert edits is not None
    assert len(edits) == 1
    assert edits[0].new_text == (
        "func.func @f(%a: i32) -> i32 {\n  %b = arith.addi %a, %a : i32"
        " // keep me\n\n  return %b : i32\n}\n"
    )
    broken = uri_in(client, "fmt_broken.mlir")
    await open_doc(client, broken, "func.func @f( {\n      return\n}\n")
    untouched = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            _doc(broken), types.FormattingOptions(tab_size=2, insert_spaces=True)
        )
    )
    assert not untouched  # a file that does not parse is left alone


async def test_convert_between_generic_and_custom_form_keeps_names(client: LanguageClient) -> None:
    uri = uri_in(client, "form.mlir")
    await open_doc(client, uri, PROGRAM)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=_doc(uri),
            range=rng((5, 14), (5, 14)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    convert = [
        a
        for a in actions or []
        if isinstance(a, types.CodeAction) and a.title == "Convert to generic form"
    ]
    assert len(convert) == 1
    edit = convert[0].edit.changes[uri][0]  # type: ignore[union-attr,index]
    assert edit.range == rng((5, 4), (5, 34))
    assert edit.new_text == (
        '%x = "arith.addi"(%i, %i) <{overflowFlags = #arith.overflow<none>}>'
        " : (index, index) -> index"
    )
