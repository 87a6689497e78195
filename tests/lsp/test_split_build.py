"""The first build of a large file split between the server and its worker process:
one complete publish equal to the whole build's, a fallback to one process when the
worker dies, hangs or talks nonsense, and no worker left behind by the server."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import IO

import pytest
from ir_studio.lsp.store import DocumentStore
from lsprotocol import types
from pytest_lsp import LanguageClient

from ir_studio.context import shared_context
from ir_studio.document import IRDocument, ItemCache, build_document
from ir_studio.parallel_build import SPLIT_MIN_CHARS
from ir_studio.slice_worker import SliceWorker
from ir_studio.source import LineIndex
from tests.lsp.conftest import uri_in
from tests.lsp.helpers import open_doc


def _big_file() -> str:
    """Over the split threshold, with an error in each half and calls across the cut
    that are wrong (signature, undefined callee) or ambiguous (a symbol defined twice)."""
    functions = []
    count = SPLIT_MIN_CHARS // 500 + 40
    for index in range(count):
        body = "".join(f"  %{k} = arith.addi {'%a' if k == 0 else f'%{k - 1}'}, %a : i32\n"
                       for k in range(12))
        callee = f"@f{(index + count // 2) % count}"
        call = f"  %c = func.call {callee}(%11) : (i32) -> i32\n"
        if index == 3:
            body = body.replace("%5 = arith.addi %4, %a : i32", "%5 = arith.addi %4, %a : i64")
        if index == count - 2:
            call = f"  %c = func.call {callee}(%11, %a) : (i32, i32) -> i32\n"
        if index == count // 2 + 7:
            call = "  %c = func.call @nowhere(%11) : (i32) -> i32\n"
        name = "f5" if index == count - 5 else f"f{index}"
        functions.append(f"func.func @{name}(%a: i32) -> i32 {{\n{body}{call}"
                         f"  return %c : i32\n}}\n")
    text = "".join(functions)
    assert len(text) > SPLIT_MIN_CHARS
    return text


BIG = _big_file()


def _whole(text: str) -> tuple:
    return build_document("file:///big.mlir", 1, text, cache=ItemCache()).diagnostics


def test_the_big_file_has_errors_in_both_halves_and_across() -> None:
    messages = [d.message for d in _whole(BIG)]
    assert len(messages) == 5, messages
    assert "redefinition of symbol named 'f5'" in messages
    assert "'@nowhere' does not reference a valid function" in messages
    assert "incorrect number of operands for callee" in messages


async def _open(store: DocumentStore, published: list[IRDocument], uri: str,
                text: str) -> IRDocument:
    """The first publish that is not marked partial."""
    store.update(uri, 1, text)
    while True:
        for document in published:
            if not (document.diagnostics and document.diagnostics[0].category == "progress"):
                return document
        await asyncio.sleep(0.01)


async def _built(store: DocumentStore, uri: str) -> None:
    while store.current(uri) is None:
        await asyncio.sleep(0.01)


def _worker(command: list[str] | None = None) -> SliceWorker:
    worker = SliceWorker(command)
    worker.start()
    assert worker.wait_ready(60), "the worker never became ready"
    return worker


@pytest.mark.parametrize("context", ["none", "shared"])
def test_the_split_open_publishes_the_whole_builds_diagnostics_once(context: str) -> None:
    worker = _worker()

    async def run() -> tuple[IRDocument, list[IRDocument]]:
        published: list[IRDocument] = []
        store = DocumentStore(published.append, worker=worker)
        if context == "shared":  # what `initialized` sets without workspace dialects
            store.context = shared_context()
        complete = await _open(store, published, "file:///big.mlir", BIG)
        await _built(store, "file:///big.mlir")
        await asyncio.sleep(0.1)
        return complete, published

    try:
        complete, published = asyncio.run(run())
        assert worker._jobs == 1  # the worker checked a slice
        assert worker.ready
    finally:
        worker.close()
    assert complete.diagnostics == _whole(BIG)
    # the snapshot built afterwards agreed, so it was not published again
    assert [d for d in published if d.diagnostics[:1] == () or d.diagnostics[0].category
            != "progress"] == [complete]


def _fake_worker(tmp_path: Path, behaviour: str) -> list[str]:
    """A worker that says it is ready and then misbehaves on the first slice."""
    script = tmp_path / "fake_worker.py"
    script.write_text(textwrap.dedent("""
        import os, sys, time
        from ir_studio.slice_worker import _read, _write
        out = sys.stdout.buffer
        _write(out, ("ready", os.getpid()))
        message = _read(sys.stdin.buffer)
        behaviour = sys.argv[1]
        if behaviour == "dies":
            os._exit(3)
        if behaviour == "garbles":
            out.write(b"\\x00\\x00\\x00\\x05junk!")
            out.flush()
        if behaviour == "fails":
            _write(out, ("failed", message[1], "MemoryError: out of memory"))
        time.sleep(600)
    """))
    return [sys.executable, "-P", str(script), behaviour]


@pytest.mark.parametrize("behaviour", ["dies", "garbles", "fails", "hangs"])
def test_a_failing_worker_falls_back_to_one_process(tmp_path: Path, behaviour: str) -> None:
    worker = _worker(_fake_worker(tmp_path, behaviour))
    first_pid = worker.pid

    async def run() -> list[IRDocument]:
        published: list[IRDocument] = []
        store = DocumentStore(published.append, worker=worker)
        await _open(store, published, "file:///big.mlir", BIG)
        await _built(store, "file:///big.mlir")
        return published

    try:
        start = time.perf_counter()
        published = asyncio.run(run())
        elapsed = time.perf_counter() - start
        complete = [d for d in published if not d.diagnostics
                    or d.diagnostics[0].category != "progress"]
        assert [d.diagnostics for d in complete] == [_whole(BIG)]
        assert not any(d.category == "internal" for p in published for d in p.diagnostics)
        assert elapsed < 30
        if behaviour != "fails":  # a dead, garbled or late worker is replaced
            deadline = time.time() + 30
            while not (worker.ready and worker.pid != first_pid) and time.time() < deadline:
                time.sleep(0.05)
            assert worker.pid != first_pid
            assert worker.ready
    finally:
        worker.close()
    assert first_pid is not None
    assert not _alive(first_pid)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _start_server(log: Path | None = None) -> tuple[subprocess.Popen[bytes], int]:
    command = [sys.executable, "-P", "-m", "ir_studio.lsp"]
    with open(log or os.devnull, "wb") as errors:
        server = subprocess.Popen([*command, "--log", "info"] if log else command,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=errors)
    assert server.stdin is not None
    server.stdin.write(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                               "params": {"processId": None, "capabilities": {}}})
                       + _frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    server.stdin.flush()
    deadline = time.time() + 30
    while time.time() < deadline:
        children = _children(server.pid)
        if children:
            return server, children[0]
        time.sleep(0.05)
    server.kill()
    raise AssertionError("the server started no worker")


def _next_message(stream: IO[bytes]) -> dict:
    length = 0
    while True:
        line = stream.readline()
        assert line, "the server closed its output"
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(stream.read(length))


def test_the_server_splits_a_big_open_between_its_two_processes(tmp_path: Path) -> None:
    """Over stdio with the real worker (waited for): the log says who checked what, and
    the one complete publish is the whole build's."""
    log = tmp_path / "server.log"
    server, _ = _start_server(log)
    assert server.stdin is not None
    assert server.stdout is not None
    try:
        deadline = time.time() + 60
        while "build worker" not in log.read_text() and time.time() < deadline:
            time.sleep(0.05)
        assert "ready" in log.read_text()
        uri = (tmp_path / "big.mlir").as_uri()
        server.stdin.write(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                                   "params": {"textDocument": {
                                       "uri": uri, "languageId": "mlir", "version": 1,
                                       "text": BIG}}}))
        server.stdin.flush()
        while True:
            message = _next_message(server.stdout)
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            found = message["params"]["diagnostics"]
            if not (found and found[0]["message"].startswith("checking: ")):
                break
        assert [d["message"] for d in found] == [d.message for d in _whole(BIG)]
        deadline = time.time() + 30
        while "checked here" not in log.read_text() and time.time() < deadline:
            time.sleep(0.05)
        line = next(line for line in log.read_text().splitlines() if "checked here" in line)
        here, there = (int(word) for word in line.split() if word.isdigit())
        assert here > 20, line
        assert there > 20, line
    finally:
        server.kill()
        server.wait(timeout=10)


def _gone(pid: int, within: float) -> bool:
    deadline = time.time() + within
    while time.time() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_shutdown_and_exit_stop_the_worker() -> None:
    server, worker = _start_server()
    assert server.stdin is not None
    server.stdin.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
                       + _frame({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.flush()
    assert server.wait(timeout=20) == 0
    assert _gone(worker, 10), "the worker outlived the server"


def test_a_killed_server_leaves_no_worker_behind() -> None:
    server, worker = _start_server()
    os.kill(server.pid, signal.SIGKILL)
    server.wait(timeout=10)
    assert _gone(worker, 15), "the worker outlived a killed server"


def test_without_the_worker_setting_the_server_starts_none() -> None:
    environment = {**os.environ, "IR_STUDIO_BUILD_WORKER": "0"}
    server = subprocess.Popen([sys.executable, "-P", "-m", "ir_studio.lsp"],
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=environment)
    try:
        time.sleep(1.0)
        assert _children(server.pid) == []
    finally:
        server.kill()
        server.wait(timeout=10)


@pytest.mark.asyncio(loop_scope="module")
async def test_open_of_a_big_file_over_the_protocol(client: LanguageClient) -> None:
    """End to end: the diagnostics the editor gets are the whole build's."""
    uri = uri_in(client, "big.mlir")
    await asyncio.sleep(3)  # the worker is warm by then (the stdio test above waits for it)
    found = await open_doc(client, uri, BIG)
    while found and found[0].message.startswith("checking: "):  # partial: wait on
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        found = list(client.diagnostics[uri])
    lines = LineIndex(BIG)
    expected = []
    for diagnostic in _whole(BIG):
        start, end = lines.position(diagnostic.span.start), lines.position(diagnostic.span.end)
        expected.append(((start.line, start.column), (end.line, end.column),
                         diagnostic.message, int(diagnostic.severity)))
    got = [((d.range.start.line, d.range.start.character),
            (d.range.end.line, d.range.end.character), d.message, int(d.severity or 1))
           for d in found]
    assert got == expected
    # navigation works on the worker's half once the snapshot is built
    last = BIG.rstrip("\n").split("\n")
    line = len(last) - 3  # `  %c = func.call @f..` of the last function
    result = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), types.Position(line, 20)))
    assert result


def test_a_workspace_with_its_own_dialects_keeps_to_one_process() -> None:
    """The worker knows only the shared context."""
    worker = _worker()

    async def run() -> IRDocument:
        published: list[IRDocument] = []
        store = DocumentStore(published.append, worker=worker)
        store.context = shared_context().clone()
        complete = await _open(store, published, "file:///big.mlir", BIG)
        await _built(store, "file:///big.mlir")
        return complete

    try:
        complete = asyncio.run(run())
        assert worker._jobs == 0
    finally:
        worker.close()
    assert complete.diagnostics == _whole(BIG)
