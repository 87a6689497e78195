"""textDocument/hover."""

from __future__ import annotations

from ir_studio.lsp.features import tpu_cost
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.languages import Analysis, language_for


async def hover(ls: IRStudioServer, params: types.HoverParams) -> types.Hover | None:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None or not snapshot.fresh:
        return None
    conv = ls.converter(snapshot)
    offset = conv.offset(params.position)
    language = language_for(params.text_document.uri)
    info = language.hover(Analysis(snapshot.document, snapshot.index), offset)
    if info is None:
        return None
    chip = await tpu_cost.hover(snapshot, offset)
    markdown = info.markdown if chip is None else f"{info.markdown}\n\n---\n\n{chip}"
    return types.Hover(
        types.MarkupContent(types.MarkupKind.Markdown, markdown), conv.range(info.span)
    )


FEATURES = [(types.TEXT_DOCUMENT_HOVER, hover, None)]
