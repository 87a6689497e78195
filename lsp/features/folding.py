"""textDocument/foldingRange: regions, `// -----` chunks, comment blocks."""

from __future__ import annotations

from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.ide.folding import folding_ranges


async def folding(ls: IRStudioServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None:
        return []
    if params.text_document.uri.endswith(".ll"):
        from ir_studio.llvm_ide import llvm_folds

        return [
            types.FoldingRange(start_line=a, end_line=b, kind=types.FoldingRangeKind.Region)
            for a, b in llvm_folds(snapshot.document.text)
        ]
    return [
        types.FoldingRange(
            start_line=f.start_line,
            end_line=f.end_line,
            kind=types.FoldingRangeKind.Comment
            if f.kind == "comment"
            else types.FoldingRangeKind.Region,
        )
        for f in folding_ranges(snapshot.document)
    ]


FEATURES = [(types.TEXT_DOCUMENT_FOLDING_RANGE, folding, None)]
