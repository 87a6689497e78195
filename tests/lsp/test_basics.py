"""Capabilities, diagnostics and incremental sync over a real stdio connection."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import change, open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

VALID = """\
func.func @foo(%arg: i1) {
  %value = arith.constant true
  cf.br ^bb2
^bb2:
  return
}
"""


async def test_capabilities(client: LanguageClient) -> None:
    caps: types.ServerCapabilities = client.init_result.capabilities  # type: ignore[attr-defined]
    sync = caps.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.change == types.TextDocumentSyncKind.Incremental
    for provider in (
        "hover_provider",
        "definition_provider",
        "references_provider",
        "document_highlight_provider",
        "document_symbol_provider",
        "workspace_symbol_provider",
        "rename_provider",
        "folding_range_provider",
        "code_action_provider",
        "code_lens_provider",
        "completion_provider",
        "semantic_tokens_provider",
    ):
        assert getattr(caps, provider), provider
    assert client.init_result.server_info.name == "ir-studio"  # type: ignore[attr-defined]


async def test_diagnostics_exact_range_and_version(client: LanguageClient) -> None:
    uri = uri_in(client, "diag.mlir")
    diagnostics = await open_doc(client, uri, "func.func ()\n")
    assert len(diagnostics) == 1
    d = diagnostics[0]
    assert d.source == "ir-studio"
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.range.start.line == 0
    clean = await change(client, uri, [(rng((0, 0), (0, 12)), "func.func @f() {\n  return\n}")])
    assert clean == []


async def test_incremental_range_edits_keep_the_rest_of_the_text(client: LanguageClient) -> None:
    uri = uri_in(client, "sync.mlir")
    assert await open_doc(client, uri, VALID) == []
    # rename %value by a ranged edit (upstream turns this into a wiped document)
    diagnostics = await change(client, uri, [(rng((1, 3), (1, 8)), "v2")])
    assert diagnostics == []
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), pos(1, 3))
    )
    assert hover is not None
    assert "%v2" in hover.contents.value  # type: ignore[union-attr]
    # an edit that breaks one line: the error is at that line
    broken = await change(client, uri, [(rng((2, 2), (2, 7)), "cf.bx")])
    assert [d.range.start.line for d in broken] == [2]


async def test_positions_in_the_negotiated_encoding(client: LanguageClient) -> None:
    """UTF-16 for VS Code's profile, UTF-8 for Neovim's (it offers utf-8 first)."""
    chosen = client.init_result.capabilities.position_encoding  # type: ignore[attr-defined]
    encoding = str(chosen.value if hasattr(chosen, "value") else chosen or "utf-16")
    uri = uri_in(client, "unicode.mlir")
    text = 'func.func @"αβ😀"(%x: i32) -> i32 {\n  return %x : i32\n}\n'
    assert await open_doc(client, uri, text) == []
    prefix = 'func.func @"αβ😀"('
    units = {
        "utf-8": len(prefix.encode()),
        "utf-32": len(prefix),
        "utf-16": len(prefix.encode("utf-16-le")) // 2,
    }[encoding]
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), pos(0, units + 1))
    )
    assert hover is not None
    assert "%x" in hover.contents.value  # type: ignore[union-attr]
    assert hover.range == rng((0, units), (0, units + 2))
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri),
            position=pos(1, 10),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert [r.range.start for r in refs or []] == [pos(0, units), pos(1, 9)]
