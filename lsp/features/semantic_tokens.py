"""textDocument/semanticTokens/full and /range, encoded as LSP's relative integers."""

from __future__ import annotations

from ir_studio.lsp.convert import Converter
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.ide.semantic_tokens import MODIFIERS, TOKEN_TYPES
from ir_studio.languages import Analysis, language_for

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
    language = language_for(params.text_document.uri)
    tokens = language.tokens(Analysis(snapshot.document, snapshot.index))
    return types.SemanticTokens(data=_encode(tokens, conv))


async def range_(
    ls: IRStudioServer, params: types.SemanticTokensRangeParams
) -> types.SemanticTokens:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None or not snapshot.fresh:
        return types.SemanticTokens(data=[])
    conv = ls.converter(snapshot)
    span = conv.span(params.range)
    language = language_for(params.text_document.uri)
    tokens = language.tokens(Analysis(snapshot.document, snapshot.index), span.start, span.end)
    return types.SemanticTokens(data=_encode(tokens, conv))


FEATURES = [
    (types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, full, LEGEND),
    (types.TEXT_DOCUMENT_SEMANTIC_TOKENS_RANGE, range_, LEGEND),
]
