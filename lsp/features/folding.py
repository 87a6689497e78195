"""textDocument/foldingRange: regions, `// -----` chunks, comment blocks."""

from __future__ import annotations

from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.languages import Analysis, language_for


async def folding(ls: IRStudioServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None:
        return []
    language = language_for(params.text_document.uri)
    return [
        types.FoldingRange(
            start_line=f.start_line,
            end_line=f.end_line,
            kind=types.FoldingRangeKind.Comment
            if f.kind == "comment"
            else types.FoldingRangeKind.Region,
        )
        for f in language.folding(Analysis(snapshot.document, snapshot.index))
    ]


FEATURES = [(types.TEXT_DOCUMENT_FOLDING_RANGE, folding, None)]
