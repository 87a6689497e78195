"""The upstream mlir-lsp-server lit scenarios (lsp-reference §4), against ir-studio."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

HOVER = """\
func.func @foo(%arg: i1) {
  %value = arith.constant true
  cf.br ^bb2
^bb2:
  return
}
"""

DEFINITION = """\
#attr = 1 : index
!type = index
func.func @foo(%arg: !type) -> i1 attributes {attr = #attr} {
  %value = arith.constant true loc(#loc)
  return %value : i1
}
#loc = loc("foo.mlir":1:2)
"""


def _doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri)


async def _hover(client: LanguageClient, uri: str, line: int, col: int) -> types.Hover:
    hover = await client.text_document_hover_async(types.HoverParams(_doc(uri), pos(line, col)))
    assert hover is not None, (line, col)
    return hover


async def test_hover(client: LanguageClient) -> None:
    uri = uri_in(client, "hover.mlir")
    assert await open_doc(client, uri, HOVER) == []
    op = await _hover(client, uri, 1, 12)
    assert op.range == rng((1, 11), (1, 25))
    text = op.contents.value  # type: ignore[union-attr]
    assert '"arith.constant"' in text
    assert '%value = "arith.constant"() <{value = true}> : () -> i1' in text
    assert "- `result`: `i1`" in text
    value = await _hover(client, uri, 1, 2)
    assert value.range == rng((1, 2), (1, 8))
    assert "`i1`" in value.contents.value  # type: ignore[union-attr]
    assert "0 uses" in value.contents.value  # type: ignore[union-attr]
    block = await _hover(client, uri, 3, 2)
    assert block.range == rng((3, 0), (3, 4))
    assert "Predecessors: <Block #0>" in block.contents.value  # type: ignore[union-attr]
    arg = await _hover(client, uri, 0, 17)
    assert arg.range == rng((0, 15), (0, 19))
    assert "block argument #0" in arg.contents.value  # type: ignore[union-attr]
    func = await _hover(client, uri, 0, 1)
    assert func.range == rng((0, 0), (0, 9))
    assert '"func.func"** : public @foo' in func.contents.value  # type: ignore[union-attr]
    symbol = await _hover(client, uri, 0, 12)
    assert symbol.range == rng((0, 10), (0, 14))
    assert "@foo : (i1) -> ()" in symbol.contents.value  # type: ignore[union-attr]


async def _definition(client: LanguageClient, uri: str, line: int, col: int) -> list[types.Range]:
    result = await client.text_document_definition_async(
        types.DefinitionParams(_doc(uri), pos(line, col))
    )
    assert isinstance(result, list)
    return [loc.range for loc in result]  # type: ignore[union-attr]


async def test_definition(client: LanguageClient) -> None:
    uri = uri_in(client, "definition.mlir")
    assert await open_doc(client, uri, DEFINITION) == []
    assert await _definition(client, uri, 4, 12) == [rng((3, 2), (3, 8))]
    assert await _definition(client, uri, 2, 12) == [rng((2, 10), (2, 14))]
    assert await _definition(client, uri, 2, 23) == [rng((1, 0), (1, 5))]
    assert await _definition(client, uri, 2, 55) == [rng((0, 0), (0, 5))]
    assert await _definition(client, uri, 3, 36) == [rng((6, 0), (6, 4))]


async def test_definition_follows_loc_to_another_file(client: LanguageClient) -> None:
    target = client.root / "source.toy"  # type: ignore[attr-defined]
    target.write_text("def main() {\n  print([1]);\n}\n")
    uri = uri_in(client, "located.mlir")
    text = 'func.func @f() {\n  "x.op"() : () -> () loc("source.toy":2:3)\n  return\n}\n'
    await open_doc(client, uri, text)
    result = await client.text_document_definition_async(
        types.DefinitionParams(_doc(uri), pos(1, 30))
    )
    assert isinstance(result, list)
    assert len(result) == 1
    assert result[0].uri == target.as_uri()  # type: ignore[union-attr]
    assert result[0].range.start == pos(1, 2)  # type: ignore[union-attr]


async def test_split_file_navigation_survives_an_error_in_another_chunk(
    client: LanguageClient,
) -> None:
    uri = uri_in(client, "split.mlir")
    text = (
        "func.func @broken( {\n}\n// -----\n"
        "func.func @ok() -> i1 {\n  %v = arith.constant true\n  return %v : i1\n}\n"
    )
    diagnostics = await open_doc(client, uri, text)
    assert [d.range.start.line for d in diagnostics] == [0]
    assert await _definition(client, uri, 5, 10) == [rng((4, 2), (4, 4))]


async def test_references_honour_include_declaration(client: LanguageClient) -> None:
    uri = uri_in(client, "refs.mlir")
    await open_doc(client, uri, DEFINITION)
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(uri),
            position=pos(3, 3),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert [r.range for r in refs or []] == [rng((4, 9), (4, 15))]
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(uri),
            position=pos(3, 3),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert [r.range for r in refs or []] == [rng((3, 2), (3, 8)), rng((4, 9), (4, 15))]
    loc_refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(uri),
            position=pos(6, 1),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert [r.range for r in loc_refs or []] == [rng((6, 0), (6, 4)), rng((3, 35), (3, 39))]


async def test_document_symbols(client: LanguageClient) -> None:
    uri = uri_in(client, "symbols.mlir")
    await open_doc(client, uri, "module {\n  func.func private @foo()\n}\n")
    result = await client.text_document_document_symbol_async(types.DocumentSymbolParams(_doc(uri)))
    assert result is not None
    assert len(result) == 1
    module = result[0]
    assert isinstance(module, types.DocumentSymbol)
    assert module.name == "<builtin.module>"
    assert module.kind == types.SymbolKind.Namespace
    assert [(c.name, c.kind) for c in module.children or []] == [("foo", types.SymbolKind.Function)]


COMPLETION = """\
func.func private @foo(%arg: i32) -> i32 {
  %cast = "builtin.unrealized_conversion_cast"() : () -> (i32)
  return %
"""


async def _complete(client: LanguageClient, uri: str, line: int, col: int) -> types.CompletionList:
    result = await client.text_document_completion_async(
        types.CompletionParams(_doc(uri), pos(line, col))
    )
    assert isinstance(result, types.CompletionList)
    return result


async def test_completion(client: LanguageClient) -> None:
    good = uri_in(client, "complete.mlir")
    await open_doc(client, good, COMPLETION.replace("return %", "return %cast : i32\n}"))
    # now type the broken line the scenario uses: the last good parse answers
    from tests.lsp.helpers import change

    await change(client, good, [(rng((2, 10), (3, 1)), "\n")])
    values = await _complete(client, good, 2, 10)
    labels = {i.label: i for i in values.items}
    assert set(labels) == {"%cast", "%arg"}
    assert labels["%cast"].detail == "builtin.unrealized_conversion_cast: i32"
    assert labels["%cast"].insert_text == "cast"
    assert labels["%arg"].detail == "arg #0: i32"
    keywords = await _complete(client, good, 0, 10)
    assert {i.label for i in keywords.items} == {"public", "private", "nested"}
    arith = await _change_and_complete(client, good, "  %x = arith.")
    assert "arith.addi" in {i.label for i in arith.items}
    assert all(i.label.startswith("arith.") for i in arith.items)


async def _change_and_complete(
    client: LanguageClient, uri: str, line_text: str
) -> types.CompletionList:
    from tests.lsp.helpers import change

    await change(client, uri, [(rng((2, 0), (2, 100)), line_text)])
    return await _complete(client, uri, 2, len(line_text))


CODE_ACTION = """\
func.func @foo(%arg: i32) -> i32 {
  %x = arith.addi %arg, %ar : i32
  return %x : i32
}
"""


async def test_code_actions(client: LanguageClient) -> None:
    uri = uri_in(client, "actions.mlir")
    diagnostics = await open_doc(client, uri, CODE_ACTION)
    undefined = next(d for d in diagnostics if "%ar" in d.message)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=_doc(uri),
            range=undefined.range,
            context=types.CodeActionContext(diagnostics=[undefined]),
        )
    )
    titles = [a.title for a in actions or [] if isinstance(a, types.CodeAction)]
    assert "Did you mean '%arg'?" in titles
    assert "Add expected-* diagnostic checks" in titles
    expected = next(
        a
        for a in actions or []
        if isinstance(a, types.CodeAction) and a.title.startswith("Add expected")
    )
    edit = expected.edit.changes[uri][0]  # type: ignore[union-attr,index]
    assert edit.range == rng((1, 0), (1, 0))
    assert edit.new_text == f"  // expected-error @below {{{{{undefined.message}}}}}\n"
