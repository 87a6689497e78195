"""LLVM IR files in the language server: LLVM's diagnostics at their line and column,
verifier errors on the instruction, navigation for %locals, @globals and labels, hover,
document symbols; also on the LLVM IR the Toy pipeline emits."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import change, open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

HANDWRITTEN = """\
@counter = global i32 0

define i32 @bump(i32 %step) {
entry:
  %old = load i32, ptr @counter
  %new = add i32 %old, %step
  store i32 %new, ptr @counter
  br label %done

done:
  ret i32 %new
}

declare i32 @printf(ptr, ...)
"""


async def test_llvm_navigation_hover_and_symbols(client: LanguageClient) -> None:
    uri = uri_in(client, "hand.ll")
    assert await open_doc(client, uri, HANDWRITTEN, language="llvm") == []
    doc = types.TextDocumentIdentifier(uri)
    found = await client.text_document_definition_async(types.DefinitionParams(doc, pos(10, 11)))
    assert isinstance(found, list)
    assert [loc.range for loc in found] == [rng((5, 2), (5, 6))]  # type: ignore[union-attr]
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc,
            position=pos(0, 2),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert [r.range.start.line for r in refs or []] == [0, 4, 6]
    label = await client.text_document_definition_async(types.DefinitionParams(doc, pos(7, 14)))
    assert [loc.range.start for loc in label] == [pos(9, 0)]  # type: ignore[union-attr]
    param = await client.text_document_definition_async(types.DefinitionParams(doc, pos(5, 24)))
    assert [loc.range.start for loc in param] == [pos(2, 21)]  # type: ignore[union-attr]
    hover = await client.text_document_hover_async(types.HoverParams(doc, pos(6, 13)))
    assert hover is not None
    assert "%new = add i32 %old, %step" in hover.contents.value  # type: ignore[union-attr]
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc))
    assert {s.name for s in symbols or []} == {"@bump", "@printf", "@counter"}


async def test_llvm_parser_and_verifier_errors_are_placed(client: LanguageClient) -> None:
    uri = uri_in(client, "broken.ll")
    await open_doc(client, uri, HANDWRITTEN, language="llvm")
    parse = await change(client, uri, [(rng((5, 23), (5, 28)), "%nope")])
    assert [(d.range.start, d.message) for d in parse] == [
        (pos(5, 23), "use of undefined value '%nope'")
    ]
    dominance = HANDWRITTEN.replace(
        "  %old = load i32, ptr @counter\n  %new = add i32 %old, %step\n",
        "  %new = add i32 %old, %step\n  %old = load i32, ptr @counter\n",
    )
    whole = await change(client, uri, [(rng((0, 0), (15, 0)), dominance)])
    assert [d.message for d in whole] == ["Instruction does not dominate all uses!"]
    assert whole[0].range.start.line in (4, 5)


async def test_llvm_ir_from_the_toy_pipeline(client: LanguageClient, tmp_path_factory) -> None:
    sample = resources.files("ir_studio.sample_ir").joinpath("toy", "ch6_llvm.toy")
    emitted = subprocess.run(
        [sys.executable, "-P", "-m", "ir_studio", "lower", str(sample), "--emit", "llvm"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert emitted.returncode == 0
    uri = uri_in(client, "emitted.ll")
    assert await open_doc(client, uri, emitted.stdout, language="llvm") == []
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert {'@"main"', '@"printf"'} <= {s.name for s in symbols or []}


async def test_llvm_semantic_tokens_and_folding(client: LanguageClient) -> None:
    uri = uri_in(client, "tokens.ll")
    await open_doc(client, uri, "; header comment\n" + HANDWRITTEN, language="llvm")
    doc = types.TextDocumentIdentifier(uri)
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(doc))
    assert tokens is not None
    data = tokens.data
    assert len(data) % 5 == 0
    assert list(data[:5]) == [0, 0, 16, 5, 0]  # the comment on line 0
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(doc))
    assert [(f.start_line, f.end_line) for f in folds or []] == [(3, 11)]
