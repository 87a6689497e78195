"""The language server: the one place LSP methods are registered.

`ir-studio lsp` (or `python -m ir_studio.lsp`) serves on stdio; `--tcp --port N` binds
127.0.0.1 unless `--host` says otherwise.
"""

from __future__ import annotations

import argparse
import faulthandler
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ir_studio.lsp.convert import Converter, diagnostic
from ir_studio.lsp.store import DocumentStore, Snapshot
from lsprotocol import types
from pygls.lsp.server import LanguageServer

from ir_studio import __version__
from ir_studio.document import IRDocument


class IRStudioServer(LanguageServer):
    """pygls server plus the document store; features reach the core through it."""

    def __init__(self) -> None:
        super().__init__(
            "ir-studio", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.store = DocumentStore(self._publish)

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding if self.protocol.client_capabilities else None
        if isinstance(encoding, types.PositionEncodingKind):
            return str(encoding.value)
        return str(encoding or "utf-16")

    def converter(self, snapshot: Snapshot) -> Converter:
        document = snapshot.document
        return Converter(document.text, document.lines, self.encoding)

    def text_converter(self, uri: str) -> Converter | None:
        text = self.store.text(uri)
        return Converter(text, encoding=self.encoding) if text is not None else None

    def _publish(self, document: IRDocument) -> None:
        conv = Converter(document.text, document.lines, self.encoding)
        diagnostics = [diagnostic(d, conv, document.uri) for d in document.diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(document.uri, diagnostics, document.version)
        )


Handler = Callable[..., Any]


def _features() -> list[tuple[str, Handler, Any]]:
    from ir_studio.lsp.features import (
        code_actions,
        completion,
        custom,
        editing,
        folding,
        hover,
        navigation,
        rename,
        semantic_tokens,
        symbols,
        sync,
        workspace,
    )

    return [
        *workspace.FEATURES,
        *sync.FEATURES,
        *hover.FEATURES,
        *navigation.FEATURES,
        *symbols.FEATURES,
        *completion.FEATURES,
        *rename.FEATURES,
        *semantic_tokens.FEATURES,
        *folding.FEATURES,
        *code_actions.FEATURES,
        *custom.FEATURES,
        *editing.FEATURES,
    ]


def build_server() -> IRStudioServer:
    server = IRStudioServer()
    for method, handler, options in _features():
        if options is None:
            server.feature(method)(handler)
        else:
            server.feature(method, options)(handler)
    return server


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="ir-studio lsp", description="The ir-studio language server."
    )
    parser.add_argument("--stdio", action="store_true", help="serve on stdio (the default)")
    parser.add_argument("--tcp", action="store_true", help="serve on TCP instead of stdio")
    parser.add_argument(
        "--host", default="127.0.0.1", help="TCP address to bind (default 127.0.0.1: loopback only)"
    )
    parser.add_argument("--port", type=int, default=2087, help="TCP port (default 2087)")
    parser.add_argument(
        "--log",
        choices=["error", "info", "debug"],
        default="error",
        help="log level (logs go to stderr)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log.upper(), stream=sys.stderr)
    if hasattr(signal, "SIGUSR1"):  # `kill -USR1 <pid>` dumps every thread's stack to stderr
        faulthandler.register(signal.SIGUSR1, all_threads=True)
    server = build_server()
    if args.tcp:
        server.start_tcp(args.host, args.port)
    else:
        server.start_io()
    return 0
