"""textDocument/inlayHint, signatureHelp and formatting."""

from __future__ import annotations

from ir_studio.lsp.features import tpu_cost
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.ide.formatting import safe_format
from ir_studio.ide.inlay_hints import inlay_hints
from ir_studio.ide.signature_help import signature_at
from ir_studio.source import Span


async def inlay(ls: IRStudioServer, params: types.InlayHintParams) -> list[types.InlayHint]:
    snapshot = await ls.store.fresh(params.text_document.uri)
    if snapshot is None or not snapshot.fresh:
        return []
    conv = ls.converter(snapshot)
    span = conv.span(params.range)
    hints = [
        types.InlayHint(
            position=conv.position(h.offset),
            label=h.label,
            kind=types.InlayHintKind.Type,
            padding_left=False,
        )
        for h in inlay_hints(snapshot.document, span.start, span.end)
    ]
    return hints + await tpu_cost.inlay_hints(ls, snapshot, span.start, span.end)


def signature(ls: IRStudioServer, params: types.SignatureHelpParams) -> types.SignatureHelp | None:
    conv = ls.text_converter(params.text_document.uri)
    if conv is None:
        return None
    offset = conv.offset(params.position)
    line_start = conv.text.rfind("\n", 0, offset) + 1
    found = signature_at(conv.text[line_start:offset])
    if found is None:
        return None
    info = types.SignatureInformation(
        label=found.label,
        documentation=types.MarkupContent(types.MarkupKind.Markdown, found.documentation)
        if found.documentation
        else None,
        parameters=[types.ParameterInformation(label=p) for p in found.parameters],
    )
    return types.SignatureHelp(signatures=[info], active_signature=0, active_parameter=found.active)


async def formatting(
    ls: IRStudioServer, params: types.DocumentFormattingParams
) -> list[types.TextEdit]:
    uri = params.text_document.uri
    text = ls.store.text(uri)
    conv = ls.text_converter(uri)
    if text is None or conv is None:
        return []
    import asyncio

    formatted = await asyncio.get_running_loop().run_in_executor(None, safe_format, text)
    if formatted is None:
        return []
    return [types.TextEdit(conv.range(Span(0, len(text))), formatted)]


FEATURES = [
    (types.TEXT_DOCUMENT_INLAY_HINT, inlay, None),
    (
        types.TEXT_DOCUMENT_SIGNATURE_HELP,
        signature,
        types.SignatureHelpOptions(trigger_characters=["(", ",", " "]),
    ),
    (types.TEXT_DOCUMENT_FORMATTING, formatting, None),
]
