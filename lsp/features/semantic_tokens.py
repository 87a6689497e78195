"""textDocument/semanticTokens/full and /range, encoded as LSP's relative integers."""

from __future__ import annotations

from ir_studio.lsp.convert import Converter
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.ide.semantic_tokens import MODIFIERS, TOKEN_TYPES, semantic_tokens

LEGEND = types.SemanticTokensLegend(token_types=list(TOKEN_TYPES), token_modifiers=list(MODIFIERS))


def _encode(tokens: list, conv: Converter) -> list[int]:
    data: list[int] = []
    last_line = last_col = 0
    for token in tokens:
        start = conv.position(token.start)
        end = conv.position(token.end)
        if end.line != start.line:
            continue
        delta_line = start.line - last_line
        delta_col = start.character - last_col if delta_line == 0 else start.character
        data += [
            delta_line,
            delta_col,
            end.character - start.character,
            token.type,
            token.modifiers,
        ]
        last_line, last_col = start.line, start.character
    return data


async def full(ls: IRStudioServer, params: types.SemanticTokensParams) -> types.SemanticTokens:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None or not snapshot.fresh:
        return types.SemanticTokens(data=[])
    conv = ls.converter(snapshot)
    if params.text_document.uri.endswith(".ll"):
        from ir_studio.ide.semantic_tokens import SemanticToken
        from ir_studio.llvm_ide import llvm_semantic_tokens

        tokens = [SemanticToken(*t) for t in llvm_semantic_tokens(snapshot.index)]  # pyright: ignore[reportArgumentType]  # a .ll file's snapshot holds an LLVMIndex
        return types.SemanticTokens(data=_encode(tokens, conv))
    return types.SemanticTokens(data=_encode(semantic_tokens(snapshot.document), conv))


async def range_(
    ls: IRStudioServer, params: types.SemanticTokensRangeParams
) -> types.SemanticTokens:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None or not snapshot.fresh:
        return types.SemanticTokens(data=[])
    conv = ls.converter(snapshot)
    span = conv.span(params.range)
    tokens = semantic_tokens(snapshot.document, span.start, span.end)
    return types.SemanticTokens(data=_encode(tokens, conv))


FEATURES = [
    (types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, full, LEGEND),
    (types.TEXT_DOCUMENT_SEMANTIC_TOKENS_RANGE, range_, LEGEND),
]
