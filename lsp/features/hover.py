"""textDocument/hover."""

from __future__ import annotations

from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.ide.hover import hover_at


async def hover(ls: IRStudioServer, params: types.HoverParams) -> types.Hover | None:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None or not snapshot.fresh:
        return None
    conv = ls.converter(snapshot)
    info = hover_at(snapshot.document, snapshot.index, conv.offset(params.position))
    if info is None:
        return None
    return types.Hover(
        types.MarkupContent(types.MarkupKind.Markdown, info.markdown), conv.range(info.span)
    )


FEATURES = [(types.TEXT_DOCUMENT_HOVER, hover, None)]
