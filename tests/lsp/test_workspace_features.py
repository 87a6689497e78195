"""Workspace symbols, renaming a symbol across files, more "did you mean" fixes, and
cancellation of a request that is waiting for a build."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.conftest import uri_in
from tests.lsp.helpers import open_doc, pos

pytestmark = pytest.mark.asyncio(loop_scope="module")

LIB = "func.func @shared_helper(%a: i32) -> i32 {\n  return %a : i32\n}\n"
USER = (
    "func.func @user(%x: i32) -> i32 {\n"
    "  %r = func.call @shared_helper(%x) : (i32) -> i32\n  return %r : i32\n}\n"
)


async def test_workspace_symbols_and_cross_file_rename(client: LanguageClient) -> None:
    root = client.root  # type: ignore[attr-defined]
    (root / "lib.mlir").write_text(LIB)
    (root / "on_disk_user.mlir").write_text(USER.replace("@user", "@disk_user"))
    uri = uri_in(client, "lib.mlir")
    await open_doc(client, uri, LIB)
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="helper"))
    assert {s.name for s in symbols or []} == {"shared_helper"}
    everything = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query=""))
    assert {"shared_helper", "disk_user"} <= {s.name for s in everything or []}
    result = await client.text_document_rename_async(
        types.RenameParams(types.TextDocumentIdentifier(uri), pos(0, 12), "helper2")
    )
    assert result is not None
    assert result.changes is not None
    disk = uri_in(client, "on_disk_user.mlir")
    assert [e.new_text for e in result.changes[uri]] == ["@helper2"]
    assert [(e.range.start.line, e.new_text) for e in result.changes[disk]] == [(1, "@helper2")]


async def test_did_you_mean_symbol_and_op(client: LanguageClient) -> None:
    uri = uri_in(client, "typos.mlir")
    text = LIB + USER.replace("@shared_helper(%x)", "@shared_helpr(%x)")
    diagnostics = await open_doc(client, uri, text)
    symbol = next(d for d in diagnostics if "shared_helpr" in d.message)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=symbol.range,
            context=types.CodeActionContext(diagnostics=[symbol]),
        )
    )
    assert "Did you mean '@shared_helper'?" in [a.title for a in actions or []]
    op_uri = uri_in(client, "optypo.mlir")
    op_diags = await open_doc(
        client,
        op_uri,
        "func.func @f(%a: i32) -> i32 {\n  %b = arith.addj %a, %a : i32\n  return %b : i32\n}\n",
    )
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(op_uri),
            range=op_diags[0].range,
            context=types.CodeActionContext(diagnostics=[op_diags[0]]),
        )
    )
    fix = next(a for a in actions or [] if a.title == "Did you mean 'arith.addi'?")
    edit = fix.edit.changes[op_uri][0]  # type: ignore[union-attr,index]
    assert (edit.range.start, edit.new_text) == (pos(1, 7), "arith.addi")
