"""textDocument/codeAction: quick fixes for the diagnostics the client sends back."""

from __future__ import annotations

from collections.abc import Sequence

from ir_studio.lsp.convert import Converter
from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types

from ir_studio.diagnostics import Subject
from ir_studio.ide.code_actions import (
    Fix,
    did_you_mean,
    expected_check_inserts,
    expected_checks,
)
from ir_studio.ide.convert_form import form_edits


def _action(fix: Fix, uri: str, conv: Converter, diagnostic: types.Diagnostic) -> types.CodeAction:
    edits = [types.TextEdit(conv.range(span), text) for span, text in fix.edits]
    return types.CodeAction(
        title=fix.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=fix.preferred or None,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


_CHECKABLE_SOURCES = (None, "ir-studio", "mlir")  # mlir: what mlir-lsp-server sends back


async def code_actions(
    ls: IRStudioServer, params: types.CodeActionParams
) -> list[types.CodeAction]:
    uri = params.text_document.uri
    text = ls.store.text(uri)
    conv = ls.text_converter(uri)
    if text is None or conv is None:
        return _checks_without_text(uri, params.context.diagnostics)
    snapshot = ls.store.current(uri)
    actions: list[types.CodeAction] = []
    for diag in params.context.diagnostics:
        if diag.source not in _CHECKABLE_SOURCES:
            continue
        span = conv.span(diag.range)
        notes = [
            (conv.span(r.location.range), r.message)
            for r in diag.related_information or []
            if r.location.uri == uri
        ]
        if diag.source == "ir-studio":
            subject = Subject.from_data(diag.data, span.start)
            for fix in did_you_mean(subject, text):
                actions.append(_action(fix, uri, conv, diag))
        fix = expected_checks(text, span, diag.message, int(diag.severity or 1), notes)
        actions.append(_action(fix, uri, conv, diag))
    if snapshot is not None and snapshot.fresh:
        start = conv.offset(params.range.start)
        for edit in form_edits(snapshot.document, start):
            actions.append(
                types.CodeAction(
                    title=edit.title,
                    kind=types.CodeActionKind.RefactorRewrite,
                    edit=types.WorkspaceEdit(
                        changes={uri: [types.TextEdit(conv.range(edit.span), edit.text)]}
                    ),
                )
            )
    return actions


def _checks_without_text(
    uri: str, diagnostics: Sequence[types.Diagnostic]
) -> list[types.CodeAction]:
    """The expected-* checks need only the diagnostic's lines and messages."""
    actions = []
    for diag in diagnostics:
        if diag.source not in _CHECKABLE_SOURCES:
            continue
        targets = [(diag.range.start.line, diag.message)]
        targets += [
            (r.location.range.start.line, r.message)
            for r in diag.related_information or []
            if r.location.uri == uri
        ]
        edits = [
            types.TextEdit(types.Range(types.Position(line, 0), types.Position(line, 0)), insert)
            for line, insert in expected_check_inserts(targets, int(diag.severity or 1))
        ]
        actions.append(
            types.CodeAction(
                title="Add expected-* diagnostic checks",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                edit=types.WorkspaceEdit(changes={uri: edits}),
            )
        )
    return actions


FEATURES = [
    (
        types.TEXT_DOCUMENT_CODE_ACTION,
        code_actions,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite]
        ),
    )
]
