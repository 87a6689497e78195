"""Toy files in the language server: diagnostics at Toy positions (frontend and shape
inference), definition and references of variables, functions and struct fields,
document symbols."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import change, open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

PROGRAM = """\
struct Pair {
  var a;
  var b;
}

def scale(Pair p) {
  return p.a * p.b;
}

def main() {
  Pair value = {[1, 2], [3, 4]};
  var x = scale(value);
  print(x + x);
}
"""


async def test_toy_diagnostics_and_navigation(client: LanguageClient) -> None:
    uri = uri_in(client, "prog.toy")
    assert await open_doc(client, uri, PROGRAM, language="toy") == []
    doc = types.TextDocumentIdentifier(uri)
    found = await client.text_document_definition_async(types.DefinitionParams(doc, pos(12, 8)))
    assert isinstance(found, list)
    assert [loc.range for loc in found] == [rng((11, 6), (11, 7))]  # type: ignore[union-attr]
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc,
            position=pos(5, 5),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert [r.range.start for r in refs or []] == [pos(5, 4), pos(11, 10)]
    field = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc,
            position=pos(1, 6),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert [r.range.start for r in field or []] == [pos(1, 6), pos(6, 11)]
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc))
    assert [s.name for s in symbols or []] == ["Pair", "scale", "main"]
    broken = await change(client, uri, [(rng((12, 8), (12, 9)), "y")])
    assert [(d.range.start, d.message) for d in broken] == [(pos(12, 8), "unknown variable 'y'")]


async def test_toy_shape_inference_errors_are_placed(client: LanguageClient) -> None:
    uri = uri_in(client, "rec.toy")
    text = "def f(a) {\n  return f(a);\n}\n\ndef main() {\n  print(f([1]));\n}\n"
    diagnostics = await open_doc(client, uri, text, language="toy")
    assert [(d.range.start, d.message) for d in diagnostics] == [
        (pos(1, 9), "recursive call to 'f' cannot be inlined")
    ]


async def test_hover_shows_inferred_shapes(client: LanguageClient) -> None:
    uri = uri_in(client, "shapes.toy")
    text = (
        "def twice(a) {\n  return a + a;\n}\n\ndef main() {\n  var m<2, 3> = [1, 2, 3, 4, 5, 6];\n"
        "  var t = transpose(m);\n  print(twice(t));\n  print(twice(m));\n}\n"
    )
    assert await open_doc(client, uri, text, language="toy") == []
    doc = types.TextDocumentIdentifier(uri)
    hover = await client.text_document_hover_async(types.HoverParams(doc, pos(6, 7)))
    assert hover is not None
    assert "`tensor<3x2xf64>`" in hover.contents.value  # type: ignore[union-attr]
    declared = await client.text_document_hover_async(types.HoverParams(doc, pos(5, 7)))
    assert "`tensor<2x3xf64>`" in declared.contents.value  # type: ignore[union-attr]


async def test_toy_completion(client: LanguageClient) -> None:
    uri = uri_in(client, "complete.toy")
    assert await open_doc(client, uri, PROGRAM, language="toy") == []
    await change(client, uri, [(rng((12, 2), (12, 14)), "print(x + value.")])
    members = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), pos(12, 18))
    )
    assert {i.label for i in members.items} == {"a", "b"}  # type: ignore[union-attr]
    await change(client, uri, [(rng((12, 2), (12, 18)), "print(")])
    names = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), pos(12, 8))
    )
    labels = {i.label for i in names.items}  # type: ignore[union-attr]
    assert {"print", "transpose", "scale", "main", "value", "x"} <= labels
    assert "p" not in labels  # scale's parameter is not in main's scope


async def test_hover_on_a_generic_parameter_lists_each_specialisation(
    client: LanguageClient,
) -> None:
    uri = uri_in(client, "special.toy")
    text = (
        "def twice(a) {\n  return a + a;\n}\n\ndef main() {\n  var v = [1, 2, 3];\n"
        "  var m = [[1, 2], [3, 4]];\n  var r = twice(v);\n  print(r);\n  print(twice(m));\n}\n"
    )
    assert await open_doc(client, uri, text, language="toy") == []
    doc = types.TextDocumentIdentifier(uri)
    hover = await client.text_document_hover_async(types.HoverParams(doc, pos(0, 10)))
    assert hover is not None
    value = hover.contents.value  # type: ignore[union-attr]
    assert "one per specialisation" in value
    assert "`tensor<3xf64>`" in value
    assert "`tensor<2x2xf64>`" in value
    from_call = await client.text_document_hover_async(types.HoverParams(doc, pos(7, 6)))
    assert "`tensor<3xf64>`" in from_call.contents.value  # type: ignore[union-attr]
