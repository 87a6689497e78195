"""textDocument/hover."""

from __future__ import annotations

from ir_studio.lsp.features import tpu_cost
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.ide.hover import hover_at


async def hover(ls: IRStudioServer, params: types.HoverParams) -> types.Hover | None:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None or not snapshot.fresh:
        return None
    conv = ls.converter(snapshot)
    offset = conv.offset(params.position)
    own = getattr(snapshot.index, "hover", None)
    if own is not None:  # LLVM IR files answer from their own index
        found = own(offset)
        if found is None:
            return None
        markdown, span = found
        return types.Hover(
            types.MarkupContent(types.MarkupKind.Markdown, markdown), conv.range(span)
        )
    info = hover_at(snapshot.document, snapshot.index, offset)
    if info is None:
        return None
    chip = await tpu_cost.hover(snapshot, offset)
    markdown = info.markdown if chip is None else f"{info.markdown}\n\n---\n\n{chip}"
    return types.Hover(
        types.MarkupContent(types.MarkupKind.Markdown, markdown), conv.range(info.span)
    )


FEATURES = [(types.TEXT_DOCUMENT_HOVER, hover, None)]
