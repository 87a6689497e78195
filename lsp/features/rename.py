"""textDocument/prepareRename and rename (values, blocks, aliases in the document;
symbols also in the other open documents and the workspace's .mlir files)."""

from __future__ import annotations

from pathlib import Path

from ir_studio.lsp.convert import Converter
from ir_studio.lsp.features.symbols import _workspace_files
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.uris import from_fs_path

from ir_studio.ide.rename import RenameError, prepare_rename, rename_edits, symbol_tokens_in_text


async def prepare(
    ls: IRStudioServer, params: types.PrepareRenameParams
) -> types.PrepareRenamePlaceholder | None:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None or not snapshot.fresh:
        return None
    conv = ls.converter(snapshot)
    target = prepare_rename(snapshot.document, snapshot.index, conv.offset(params.position))
    if target is None:
        return None
    return types.PrepareRenamePlaceholder(conv.range(target.span), target.name)


async def rename(ls: IRStudioServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    uri = params.text_document.uri
    snapshot = await ls.store.fresh(uri)
    if snapshot is None or not snapshot.fresh:
        return None
    conv = ls.converter(snapshot)
    try:
        target, edits = rename_edits(
            snapshot.document, snapshot.index, conv.offset(params.position), params.new_name
        )
    except RenameError as error:
        raise JsonRpcInvalidParams(str(error)) from None
    changes = {uri: [types.TextEdit(conv.range(span), text) for span, text in edits]}
    if target.kind == "symbol":
        new = edits[0][1]
        _other_files(ls, uri, target.name, new, changes)
    return types.WorkspaceEdit(changes=changes)


def _other_files(
    ls: IRStudioServer, here: str, old: str, new: str, changes: dict[str, list[types.TextEdit]]
) -> None:
    sources = {u: ls.store.text(u) or "" for u in ls.store.uris() if u != here}
    for path in _workspace_files(ls):
        uri = from_fs_path(str(path)) or ""
        if uri != here and uri not in sources:
            try:
                sources[uri] = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
    for uri, text in sources.items():
        spans = symbol_tokens_in_text(text, old)
        if spans:
            conv = Converter(text, encoding=ls.encoding)
            from ir_studio.source import Span

            changes[uri] = [types.TextEdit(conv.range(Span(a, b)), new) for a, b in spans]


FEATURES = [
    (types.TEXT_DOCUMENT_PREPARE_RENAME, prepare, None),
    (types.TEXT_DOCUMENT_RENAME, rename, types.RenameOptions(prepare_provider=True)),
]
