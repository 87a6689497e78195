"""The language server: the one place LSP methods are registered.

`ir-studio lsp` (or `python -m ir_studio.lsp`) serves on stdio; `--tcp --port N` binds
127.0.0.1 unless `--host` says otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import faulthandler
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, cast

from ir_studio.lsp.convert import Converter, diagnostic
from ir_studio.lsp.protocol import IRStudioProtocol
from ir_studio.lsp.store import DocumentStore, Snapshot
from ir_studio.lsp.transport import Received, serve
from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer

from ir_studio import __version__
from ir_studio.document import IRDocument
from ir_studio.slice_worker import SliceWorker


class IRStudioServer(LanguageServer):
    """pygls server plus the document store; features reach the core through it.

    Reading is our own (`transport.serve` into `IRStudioProtocol.receive`) so that no
    malformed message or broken frame leaves a request unanswered or the session stuck.
    """

    def __init__(self) -> None:
        super().__init__(
            "ir-studio",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=IRStudioProtocol,
        )
        self.store = DocumentStore(self._publish, settled=self._settled)

    def _start_worker(self) -> None:
        """The second process that checks half of a large file's items on open (see
        `ir_studio.parallel_build`); `IR_STUDIO_BUILD_WORKER=0` keeps to one process."""
        if os.environ.get("IR_STUDIO_BUILD_WORKER", "1") != "0" and self.store.worker is None:
            worker = SliceWorker()
            worker.start()
            self.store.worker = worker

    def shutdown(self) -> None:
        self.store.close_worker()
        super().shutdown()

    @property
    def _receive(self) -> Callable[[Received], None]:
        return cast(IRStudioProtocol, self.protocol).receive

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        source = stdin or sys.stdin.buffer
        self._start_worker()
        self._stop_event = stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        read1 = getattr(source, "read1", None)

        def chunk() -> bytes:
            return read1(65536) if read1 is not None else os.read(source.fileno(), 65536)

        async def run() -> None:
            loop = asyncio.get_running_loop()
            await serve(
                lambda: loop.run_in_executor(self.thread_pool, chunk),
                self._receive,
                stop_event,
            )

        try:
            asyncio.run(run())
        except BrokenPipeError:
            logging.getLogger(__name__).error("the client closed the connection")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    def start_tcp(self, host: str, port: int) -> None:
        self._start_worker()
        self._stop_event = stop_event = threading.Event()

        async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.protocol.set_writer(writer)
            await serve(lambda: reader.read(65536), self._receive, stop_event)
            self.shutdown()

        async def listen() -> None:
            self._server = await asyncio.start_server(connection, host, port)
            async with self._server:
                await self._server.serve_forever()

        try:
            asyncio.run(listen())
        except asyncio.CancelledError:
            pass

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
        from ir_studio.lsp.features.tpu_cost import warm

        warm(document)  # a TPU graph's simulated cost, after (never before) its diagnostics

    def _settled(self, document: IRDocument) -> None:
        """A snapshot whose diagnostics went out before it was built (a split build)."""
        from ir_studio.lsp.features.tpu_cost import warm

        warm(document)


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
