"""textDocument/didOpen, didChange, didClose: hand the text to the store.

pygls has already applied the (incremental, range-based) changes to its workspace copy
when these run, in the negotiated position encoding.
"""

from __future__ import annotations

from ir_studio.lsp.server import IRStudioServer
from lsprotocol import types


def did_open(ls: IRStudioServer, params: types.DidOpenTextDocumentParams) -> None:
    doc = params.text_document
    ls.store.update(doc.uri, doc.version, doc.text)


def did_change(ls: IRStudioServer, params: types.DidChangeTextDocumentParams) -> None:
    doc = ls.workspace.get_text_document(params.text_document.uri)
    ls.store.update(doc.uri, params.text_document.version, doc.source)


def did_close(ls: IRStudioServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.store.close(params.text_document.uri)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(params.text_document.uri, [])
    )


FEATURES = [
    (types.TEXT_DOCUMENT_DID_OPEN, did_open, None),
    (types.TEXT_DOCUMENT_DID_CHANGE, did_change, None),
    (types.TEXT_DOCUMENT_DID_CLOSE, did_close, None),
]
