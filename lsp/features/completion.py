"""textDocument/completion: the core completes from the current text and the newest
snapshot whose item at the cursor parsed (the text being typed usually does not)."""

from __future__ import annotations

from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.languages import Analysis, language_for

_KIND = {
    "value": types.CompletionItemKind.Variable,
    "block": types.CompletionItemKind.Reference,
    "symbol": types.CompletionItemKind.Function,
    "dialect": types.CompletionItemKind.Module,
    "operation": types.CompletionItemKind.Function,
    "type": types.CompletionItemKind.TypeParameter,
    "attribute": types.CompletionItemKind.Constant,
    "keyword": types.CompletionItemKind.Keyword,
    "builtin": types.CompletionItemKind.Function,
    "function": types.CompletionItemKind.Function,
    "variable": types.CompletionItemKind.Variable,
    "field": types.CompletionItemKind.Field,
}
TRIGGERS = [".", "%", "^", "!", "#", "@", "(", ",", "<", ":", "[", " "]


async def completion(ls: IRStudioServer, params: types.CompletionParams) -> types.CompletionList:
    uri = params.text_document.uri
    text = ls.store.text(uri)
    conv = ls.text_converter(uri)
    if text is None or conv is None:
        return types.CompletionList(is_incomplete=False, items=[])
    offset = conv.offset(params.position)
    snapshot = ls.store.current(uri)
    if snapshot is not None:
        item = snapshot.document.item_at(offset)
        if item is None or item.parsed.op is None:
            snapshot = ls.store.last_good(uri) or snapshot
    analysis = Analysis(snapshot.document, snapshot.index) if snapshot is not None else None
    result = language_for(uri).complete(analysis, text, offset)
    items = [
        types.CompletionItem(
            label=c.label,
            kind=_KIND.get(c.kind),
            detail=c.detail or None,
            documentation=types.MarkupContent(types.MarkupKind.Markdown, c.documentation)
            if c.documentation
            else None,
            insert_text=c.insert,
            sort_text=f"{i:05d}",
        )
        for i, c in enumerate(result.items)
    ]
    return types.CompletionList(is_incomplete=result.incomplete, items=items)


FEATURES = [
    (
        types.TEXT_DOCUMENT_COMPLETION,
        completion,
        types.CompletionOptions(trigger_characters=TRIGGERS, resolve_provider=False),
    )
]
