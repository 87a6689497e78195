"""Thousands of seeded random edits: the server answers every request and never dies."""

from __future__ import annotations

import random
from importlib import resources

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import _versions, wait_diagnostics

pytestmark = pytest.mark.asyncio(loop_scope="module")

EDITS = 1500
ALPHABET = [
    *list('%^@#!:=(){}[]<>,. \n"'),
    "arith.addi",
    "func.func",
    "i32",
    "%0",
    "^bb0",
    "// c",
    "loc(",
    "-> ",
    "αβ",
    "😀",
    "}",
    "{",
]


def _position(text: str, offset: int, encoding: str = "utf-16") -> types.Position:
    """A position in the encoding the server chose (Neovim's profile gets UTF-8)."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    prefix = text[start:offset]
    if encoding == "utf-8":
        units = len(prefix.encode("utf-8"))
    elif encoding == "utf-32":
        units = len(prefix)
    else:
        units = len(prefix.encode("utf-16-le")) // 2
    return types.Position(line, units)


async def test_random_edits_never_kill_the_server(client: LanguageClient) -> None:
    rng = random.Random(20261125)
    text = resources.files("ir_studio.sample_ir").joinpath("demo.mlir").read_text()
    uri = uri_in(client, "fuzz.mlir")
    _versions[uri] = 1
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="mlir", version=1, text=text)
        )
    )
    doc = types.TextDocumentIdentifier(uri)
    answered = 0
    chosen = client.init_result.capabilities.position_encoding  # type: ignore[attr-defined]
    encoding = str(chosen.value if hasattr(chosen, "value") else chosen or "utf-16")
    for step in range(EDITS):
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.choice([0, 0, 1, 2, 5, 20]))
        new = "".join(rng.choice(ALPHABET) for _ in range(rng.choice([0, 1, 1, 2, 3])))
        change = types.TextDocumentContentChangePartial(
            range=types.Range(_position(text, start), _position(text, end)), text=new
        )
        text = text[:start] + new + text[end:]
        _versions[uri] += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri]), [change]
            )
        )
        if step % 15 == 0:
            at = _position(text, rng.randrange(len(text) + 1), encoding)
            kind = step // 15 % 6
            if kind == 0:
                await client.text_document_hover_async(types.HoverParams(doc, at))
            elif kind == 1:
                await client.text_document_definition_async(types.DefinitionParams(doc, at))
            elif kind == 2:
                await client.text_document_completion_async(types.CompletionParams(doc, at))
            elif kind == 3:
                await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc))
            elif kind == 4:
                await client.text_document_semantic_tokens_full_async(
                    types.SemanticTokensParams(doc)
                )
            else:
                await client.text_document_references_async(
                    types.ReferenceParams(
                        text_document=doc,
                        position=at,
                        context=types.ReferenceContext(include_declaration=True),
                    )
                )
            answered += 1
    assert answered == EDITS // 15 + (1 if EDITS % 15 else 0)
    final = await wait_diagnostics(client, uri, _versions[uri])
    for diagnostic in final:
        assert diagnostic.source == "ir-studio"
    # the server still knows the exact text: a clean document is clean again
    _versions[uri] += 1
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri]),
            [types.TextDocumentContentChangeWholeDocument(text="func.func @f() {\n  return\n}\n")],
        )
    )
    assert await wait_diagnostics(client, uri, _versions[uri]) == []
