"""textDocument/documentSymbol (nested, per chunk) and workspace/symbol (open documents
from their snapshots, other .mlir files of the workspace by a lexical scan)."""

from __future__ import annotations

from pathlib import Path

from ir_studio.lsp.convert import Converter
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types
from pygls.uris import from_fs_path

from ir_studio.ide.outline import OutlineNode, scan_symbols
from ir_studio.languages import Analysis, language_for
from ir_studio.source import Span

_KINDS = {
    "function": types.SymbolKind.Function,
    "class": types.SymbolKind.Class,
    "namespace": types.SymbolKind.Namespace,
    "struct": types.SymbolKind.Struct,
    "variable": types.SymbolKind.Variable,
}
MAX_WORKSPACE_FILES = 2_000


def _symbol(node: OutlineNode, conv: Converter) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=node.name,
        kind=_KINDS[node.kind],
        range=conv.range(node.span),
        selection_range=conv.range(node.selection),
        detail=node.detail or None,
        children=[_symbol(c, conv) for c in node.children] or None,
    )


async def document_symbols(
    ls: IRStudioServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol]:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None:
        return []
    conv = ls.converter(snapshot)
    language = language_for(params.text_document.uri)
    nodes = language.outline(Analysis(snapshot.document, snapshot.index))
    return [_symbol(node, conv) for node in nodes]


def _workspace_files(ls: IRStudioServer) -> list[Path]:
    root = ls.workspace.root_path
    if not root:
        return []
    files = []
    for path in Path(root).rglob("*.mlir"):
        if any(part.startswith(".") for part in path.parts):
            continue
        files.append(path)
        if len(files) >= MAX_WORKSPACE_FILES:
            break
    return files


def workspace_symbols(
    ls: IRStudioServer, params: types.WorkspaceSymbolParams
) -> list[types.WorkspaceSymbol]:
    query = params.query.lower()
    out: list[types.WorkspaceSymbol] = []
    seen: set[str] = set()
    sources = [(uri, ls.store.text(uri) or "") for uri in ls.store.uris()]
    seen.update(uri for uri, _ in sources)
    for path in _workspace_files(ls):
        uri = from_fs_path(str(path)) or ""
        if uri in seen:
            continue
        try:
            sources.append((uri, path.read_text(encoding="utf-8", errors="replace")))
        except OSError:
            continue
    for uri, text in sources:
        conv = Converter(text, encoding=ls.encoding)
        for symbol in scan_symbols(text):
            if query and query not in symbol.name.lower():
                continue
            out.append(
                types.WorkspaceSymbol(
                    name=symbol.name,
                    kind=types.SymbolKind.Function
                    if "func" in symbol.op
                    else types.SymbolKind.Class,
                    location=types.Location(uri, conv.range(Span(symbol.offset, symbol.end))),
                    container_name=symbol.op,
                )
            )
    return out


FEATURES = [
    (types.TEXT_DOCUMENT_DOCUMENT_SYMBOL, document_symbols, None),
    (types.WORKSPACE_SYMBOL, workspace_symbols, None),
]
