"""textDocument/completion: the core completes from the current text and the newest
snapshot whose item at the cursor parsed (the text being typed usually does not)."""

from __future__ import annotations

from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.ide.completion import complete

_KIND = {
    "value": types.CompletionItemKind.Variable,
    "block": types.CompletionItemKind.Reference,
    "symbol": types.CompletionItemKind.Function,
    "dialect": types.CompletionItemKind.Module,
    "operation": types.CompletionItemKind.Function,
    "type": types.CompletionItemKind.TypeParameter,
    "attribute": types.CompletionItemKind.Constant,
    "keyword": types.CompletionItemKind.Keyword,
}
TRIGGERS = [".", "%", "^", "!", "#", "@", "(", ",", "<", ":", "[", " "]


async def completion(ls: IRStudioServer, params: types.CompletionParams) -> types.CompletionList:
    uri = params.text_document.uri
    text = ls.store.text(uri)
    conv = ls.text_converter(uri)
    if text is None or conv is None:
        return types.CompletionList(is_incomplete=False, items=[])
    offset = conv.offset(params.position)
    if uri.endswith(".toy"):
        return _toy(ls, uri, text, offset)
    snapshot = ls.store.current(uri)
    if snapshot is not None:
        item = snapshot.document.item_at(offset)
        if item is None or item.parsed.op is None:
            snapshot = ls.store.last_good(uri) or snapshot
    # before the first build the text alone answers what it can (values, op starts)
    result = complete(snapshot.document if snapshot is not None else None, text, offset)
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


_TOY_KINDS = {
    "builtin": types.CompletionItemKind.Function,
    "function": types.CompletionItemKind.Function,
    "variable": types.CompletionItemKind.Variable,
    "field": types.CompletionItemKind.Field,
}


def _toy(ls: IRStudioServer, uri: str, text: str, offset: int) -> types.CompletionList:
    from ir_studio.toy.ide import ToyIndex, toy_completions

    snapshot = ls.store.last_good(uri) or ls.store.current(uri)
    index = snapshot.index if snapshot is not None else ToyIndex(text)
    if not isinstance(index, ToyIndex):
        return types.CompletionList(is_incomplete=False, items=[])
    items = [
        types.CompletionItem(label=name, kind=_TOY_KINDS[kind], detail=kind)
        for name, kind in toy_completions(index, text, offset)
    ]
    return types.CompletionList(is_incomplete=False, items=items)


FEATURES = [
    (
        types.TEXT_DOCUMENT_COMPLETION,
        completion,
        types.CompletionOptions(trigger_characters=TRIGGERS, resolve_provider=False),
    )
]
