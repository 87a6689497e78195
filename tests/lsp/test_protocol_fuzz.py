"""The protocol never leaves a client waiting: raw bytes over the real server's stdio.

A seeded stream of malformed traffic (wrong types, missing fields, unknown methods,
bad envelopes, non-JSON bodies, broken frames, huge headers, notifications with bad
params) is written to one server; every request with an id in a well-formed frame must
be answered exactly once (never with an internal error), nothing is answered that was
not asked, and afterwards a normal open / hover / completion round trip works.
"""

from __future__ import annotations

import json
import queue
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

SEED = 20261129
ROUNDS = 400
DEADLINE = 90.0

DOC = "file:///fuzz/protocol.mlir"
TEXT = """func.func @add(%a: f32, %b: f32) -> f32 {
  %sum = arith.addf %a, %b : f32
  %twice = arith.mulf %sum, %sum : f32
  func.return %twice : f32
}
"""


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def encode(message: Any) -> bytes:
    return json.dumps(message).encode()


class RawServer:
    """The server over stdio; a thread splits its output into messages."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "ir_studio.lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length"):
                    length = int(line.split(b":")[1])
            if not line or length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def write(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.write(frame(encode({"jsonrpc": "2.0", **message})))

    def next(self, deadline: float) -> dict[str, Any]:
        remaining = deadline - time.monotonic()
        assert remaining > 0, "the server stopped answering"
        try:
            return self.messages.get(timeout=remaining)
        except queue.Empty:
            raise AssertionError("the server stopped answering") from None

    def until(
        self, wanted: Callable[[dict[str, Any]], bool], seconds: float = 30
    ) -> dict[str, Any]:
        deadline = time.monotonic() + seconds
        while True:
            message = self.next(deadline)
            if wanted(message):
                return message

    def response(self, ident: int | str, seconds: float = 30) -> dict[str, Any]:
        return self.until(lambda m: m.get("id") == ident and "method" not in m, seconds)

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


def initialize(server: RawServer, params: Any, ident: int = 1) -> dict[str, Any]:
    server.send({"id": ident, "method": "initialize", "params": params})
    reply = server.response(ident)
    server.send({"method": "initialized", "params": {}})
    return reply


def open_document(server: RawServer, uri: str, text: str, version: int = 1) -> None:
    server.send(
        {
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {"uri": uri, "languageId": "mlir", "version": version, "text": text}
            },
        }
    )
    server.until(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version
        )
    )


def assert_healthy(server: RawServer, tag: str) -> None:
    """A fresh document opens, is diagnosed, and hover and completion answer on it."""
    uri = f"file:///fuzz/healthy-{tag}.mlir"
    open_document(server, uri, TEXT)
    server.send(
        {
            "id": f"hover-{tag}",
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 12}},
        }
    )
    hover = server.response(f"hover-{tag}")
    assert "arith.addf" in hover["result"]["contents"]["value"]
    server.send(
        {
            "id": f"complete-{tag}",
            "method": "textDocument/completion",
            "params": {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 15}},
        }
    )
    labels = {item["label"] for item in server.response(f"complete-{tag}")["result"]["items"]}
    assert {"%sum", "%twice"} <= labels


@pytest.fixture
def server() -> Any:
    raw = RawServer()
    yield raw
    raw.close()


# --- the upstream scenarios -----------------------------------------------------------


def test_malformed_initialize_is_answered_with_capabilities(server: RawServer) -> None:
    """MLIR's `initialize-params-invalid` test: processId "" and clientInfo.name 10."""
    reply = initialize(
        server,
        {
            "processId": "",
            "rootUri": "test:///workspace",
            "capabilities": {"textDocument": {"hover": {"contentFormat": 7}}},
            "clientInfo": {"name": 10},
            "trace": "off",
        },
    )
    assert reply["result"]["serverInfo"]["name"] == "ir-studio"
    assert reply["result"]["capabilities"]["hoverProvider"]
    assert_healthy(server, "init")


def test_initialize_without_params_still_answers(server: RawServer) -> None:
    reply = initialize(server, "nonsense")
    assert reply["result"]["capabilities"]["textDocumentSync"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"textDocument": {"uri": DOC}, "position": "x"}, "position"),
        ({"textDocument": {"uri": DOC}}, "position"),
        ({"textDocument": "file:///a", "position": {"line": 0, "character": 0}}, "text_document"),
        ({"textDocument": {"uri": DOC}, "position": {"line": "a", "character": 0}}, "line"),
    ],
)
def test_bad_params_get_invalid_params_naming_the_field(
    server: RawServer, params: dict[str, Any], field: str
) -> None:
    initialize(server, {"processId": None, "capabilities": {}})
    server.send({"id": 7, "method": "textDocument/hover", "params": params})
    error = server.response(7)["error"]
    assert error["code"] == -32602
    assert field in error["message"]
    assert_healthy(server, "params")


def test_envelope_errors_follow_json_rpc(server: RawServer) -> None:
    server.send({"id": 1, "method": "textDocument/hover", "params": {}})
    assert server.response(1)["error"]["code"] == -32002  # before initialize
    initialize(server, {"processId": None, "capabilities": {}}, ident=2)
    server.send({"id": 3, "method": "no/such/method", "params": {}})
    assert server.response(3)["error"]["code"] == -32601
    server.write(frame(b'{"jsonrpc": "2.0", "id": 4, "method": '))
    parse = server.until(lambda m: "error" in m)
    assert parse == {"jsonrpc": "2.0", "id": None, "error": parse["error"]}
    assert parse["error"]["code"] == -32700
    server.write(frame(encode({"id": 5, "method": "shutdown"})))  # no "jsonrpc"
    assert server.response(5)["error"]["code"] == -32600
    server.write(frame(encode({"jsonrpc": "2.0", "id": 1.5, "method": "shutdown"})))
    invalid = server.until(lambda m: "error" in m)
    assert invalid["id"] is None
    assert invalid["error"]["code"] == -32600
    server.write(frame(b"[1, 2]"))
    assert server.until(lambda m: "error" in m)["error"]["code"] == -32600
    server.send({"id": 11, "method": "irStudio/lower", "params": {"pipeline": "cse"}})
    missing = server.response(11)["error"]
    assert missing["code"] == -32602  # ir-studio's own requests are checked too
    assert "uri" in missing["message"]
    server.send({"id": 10, "method": "initialized", "params": {}})
    assert server.response(10)["error"]["code"] == -32601  # a notification, not a request
    server.send({"id": 6, "method": "initialize", "params": {"capabilities": {}}})
    assert server.response(6)["error"]["code"] == -32600  # already initialized
    assert_healthy(server, "envelope")
    server.send({"id": 8, "method": "shutdown"})
    assert server.response(8)["result"] is None
    server.send({"id": 9, "method": "textDocument/hover", "params": {}})
    assert server.response(9)["error"]["code"] == -32600  # after shutdown


# --- broken frames, one kind at a time -------------------------------------------------


def _hover(ident: int | str, line: int = 1) -> bytes:
    return encode(
        {
            "jsonrpc": "2.0",
            "id": ident,
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": DOC}, "position": {"line": line, "character": 12}},
        }
    )


Frame = Callable[[bytes], bytes]
BROKEN_FRAMES: dict[str, tuple[Frame, bool]] = {
    # name: (the broken frame around a request body, whether that request is answered)
    "no header at all": (lambda body: body, True),
    "header block without Content-Length": (lambda body: b"Content-Type: x\r\n\r\n" + body, True),
    "non-numeric Content-Length": (lambda body: b"Content-Length: ten\r\n\r\n" + body, True),
    "negative Content-Length": (lambda body: b"Content-Length: -4\r\n\r\n" + body, True),
    "conflicting Content-Lengths": (
        lambda body: b"Content-Length: 3\r\nContent-Length: 4\r\n\r\n" + body,
        True,
    ),
    "lower-case header name": (
        lambda body: b"content-length: %d\r\n\r\n" % len(body) + body,
        True,
    ),
    "bare LF line ends": (lambda body: b"Content-Length: %d\n\n" % len(body) + body, True),
    "huge header line": (
        lambda body: b"X-Padding: " + b"a" * 300_000 + b"\r\n" + frame(body),
        True,
    ),
    "garbage before the frame": (lambda body: b"\x00\xff garbage \x7f\r\n" + frame(body), True),
    "absurd Content-Length": (
        lambda body: b"Content-Length: 99999999999999999999\r\n\r\n" + body,
        True,
    ),
    "empty body": (lambda body: b"Content-Length: 0\r\n\r\n" + frame(body), True),
    "Content-Length too short": (lambda body: b"Content-Length: 20\r\n\r\n" + body, False),
    "Content-Length too long": (lambda body: b"Content-Length: 900\r\n\r\n" + body, True),
    "truncated body": (lambda body: b"Content-Length: 400\r\n\r\n" + body[:50], False),
    "invalid UTF-8 body": (
        lambda body: frame(body.replace(b"textDocument/hover", b"\xff\xfe")),
        False,
    ),
}


@pytest.fixture(scope="module")
def one_server() -> Any:
    """One server takes every kind of broken frame in turn (and must survive them all)."""
    raw = RawServer()
    initialize(raw, {"processId": None, "capabilities": {}})
    open_document(raw, DOC, TEXT)
    yield raw
    raw.close()


@pytest.mark.parametrize("kind", list(BROKEN_FRAMES))
def test_a_broken_frame_costs_that_frame_only(one_server: RawServer, kind: str) -> None:
    wrap, answered = BROKEN_FRAMES[kind]
    inside, after = f"in-{kind}", f"after-{kind}"
    one_server.write(wrap(_hover(inside)))
    one_server.write(frame(_hover(after)))
    seen: list[dict[str, Any]] = []
    reply = one_server.until(lambda m: seen.append(m) or m.get("id") == after, seconds=20)
    assert "arith.addf" in reply["result"]["contents"]["value"]
    ids = [m.get("id") for m in seen if "method" not in m]
    assert ids.count(inside) == (1 if answered else 0), seen
    assert all(i in (inside, after, None) for i in ids), seen
    assert_healthy(one_server, str(len(kind)) + kind.replace(" ", "-"))


def test_a_stalled_overlong_body_gives_way_to_the_next_request(server: RawServer) -> None:
    """The client waits for an answer after a frame whose length is overstated."""
    initialize(server, {"processId": None, "capabilities": {}})
    open_document(server, DOC, TEXT)
    server.write(b"Content-Length: 100000\r\n\r\n" + _hover("lost"))
    server.write(frame(_hover("next")))
    reply = server.response("next", seconds=20)
    assert "arith.addf" in reply["result"]["contents"]["value"]


# --- the seeded stream -----------------------------------------------------------------

REQUESTS: dict[str, dict[str, Any]] = {
    "textDocument/hover": {"textDocument": {"uri": DOC}, "position": {"line": 1, "character": 12}},
    "textDocument/definition": {
        "textDocument": {"uri": DOC},
        "position": {"line": 2, "character": 28},
    },
    "textDocument/references": {
        "textDocument": {"uri": DOC},
        "position": {"line": 1, "character": 4},
        "context": {"includeDeclaration": True},
    },
    "textDocument/documentHighlight": {
        "textDocument": {"uri": DOC},
        "position": {"line": 1, "character": 4},
    },
    "textDocument/completion": {
        "textDocument": {"uri": DOC},
        "position": {"line": 3, "character": 15},
        "context": {"triggerKind": 2, "triggerCharacter": "%"},
    },
    "textDocument/documentSymbol": {"textDocument": {"uri": DOC}},
    "textDocument/foldingRange": {"textDocument": {"uri": DOC}},
    "textDocument/semanticTokens/full": {"textDocument": {"uri": DOC}},
    "textDocument/semanticTokens/range": {
        "textDocument": {"uri": DOC},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}},
    },
    "textDocument/inlayHint": {
        "textDocument": {"uri": DOC},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 4, "character": 1}},
    },
    "textDocument/codeAction": {
        "textDocument": {"uri": DOC},
        "range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 2}},
        "context": {"diagnostics": []},
    },
    "textDocument/codeLens": {"textDocument": {"uri": DOC}},
    "textDocument/prepareRename": {
        "textDocument": {"uri": DOC},
        "position": {"line": 1, "character": 4},
    },
    "textDocument/rename": {
        "textDocument": {"uri": DOC},
        "position": {"line": 1, "character": 4},
        "newName": "%total",
    },
    "textDocument/signatureHelp": {
        "textDocument": {"uri": DOC},
        "position": {"line": 1, "character": 20},
    },
    "textDocument/formatting": {
        "textDocument": {"uri": DOC},
        "options": {"tabSize": 2, "insertSpaces": True},
    },
    "workspace/symbol": {"query": "add"},
    "irStudio/passes": {"uri": DOC},
    "irStudio/lower": {"uri": DOC, "pipeline": "cleanup"},
    "workspace/executeCommand": {"command": "irStudio.lower", "arguments": [DOC]},
    "textDocument/typeDefinition": {
        "textDocument": {"uri": DOC},
        "position": {"line": 1, "character": 4},
    },
}
NOTIFICATIONS: dict[str, dict[str, Any]] = {
    "textDocument/didOpen": {
        "textDocument": {"uri": DOC, "languageId": "mlir", "version": 1, "text": TEXT}
    },
    "textDocument/didChange": {
        "textDocument": {"uri": DOC, "version": 2},
        "contentChanges": [
            {
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                "text": "",
            }
        ],
    },
    "textDocument/didSave": {"textDocument": {"uri": DOC}},
    "$/cancelRequest": {"id": 12345},
    "$/setTrace": {"value": "off"},
    "workspace/didChangeConfiguration": {"settings": {}},
    "workspace/didChangeWatchedFiles": {"changes": []},
}
STRANGE = [
    None,
    True,
    0,
    -1,
    2**40,
    1.5,
    "",
    "x" * 5000,
    "é😀",
    [],
    [1, "a"],
    {},
    {"line": -3},
    {"jsonrpc": "2.0", "id": 1},
]


def _mutate(rng: random.Random, value: Any, depth: int = 0) -> Any:
    """One random change somewhere in `value`: a wrong type, a removed or extra field."""
    if isinstance(value, dict) and value and (depth == 0 or rng.random() < 0.7):
        key = rng.choice(sorted(value))
        out = dict(value)
        roll = rng.random()
        if roll < 0.2:
            del out[key]
        elif roll < 0.3:
            out["unexpected" + str(rng.randrange(9))] = rng.choice(STRANGE)
        else:
            out[key] = _mutate(rng, value[key], depth + 1)
        return out
    if isinstance(value, list) and value and rng.random() < 0.7:
        out = list(value)
        index = rng.randrange(len(out))
        out[index] = _mutate(rng, out[index], depth + 1)
        return out
    return rng.choice(STRANGE)


class Expectation:
    def __init__(self) -> None:
        self.must: set[Any] = set()  # ids that must be answered exactly once
        self.codes: dict[Any, int] = {}  # and with this error code
        self.maybe: set[Any] = set()  # ids inside broken frames: at most once
        self.null_at_least = 0  # replies with id null, at least this many


def _case(rng: random.Random, n: int, want: Expectation) -> bytes:
    ident: int | str = n if rng.random() < 0.7 else f"r{n}"
    roll = rng.random()
    if roll < 0.45:  # a known request, its params mutated (or not)
        method = rng.choice(sorted(REQUESTS))
        params = REQUESTS[method]
        if rng.random() < 0.85:
            params = _mutate(rng, params)
        want.must.add(ident)
        return frame(encode({"jsonrpc": "2.0", "id": ident, "method": method, "params": params}))
    if roll < 0.55:  # an unknown method
        want.must.add(ident)
        want.codes[ident] = -32601
        method = rng.choice(["foo/bar", "textDocument/nope", "$/custom", "x" * 300])
        return frame(encode({"jsonrpc": "2.0", "id": ident, "method": method, "params": {}}))
    if roll < 0.6:  # a notification method sent as a request: no such request
        method = rng.choice(sorted(NOTIFICATIONS))
        want.must.add(ident)
        want.codes[ident] = -32601
        params = NOTIFICATIONS[method]
        return frame(encode({"jsonrpc": "2.0", "id": ident, "method": method, "params": params}))
    if roll < 0.7:  # a notification with bad params: never answered
        method = rng.choice(sorted(NOTIFICATIONS))
        params = _mutate(rng, NOTIFICATIONS[method])
        return frame(encode({"jsonrpc": "2.0", "method": method, "params": params}))
    if roll < 0.78:  # a bad envelope
        envelope = {
            "jsonrpc": "2.0",
            "id": ident,
            "method": "textDocument/hover",
            "params": REQUESTS["textDocument/hover"],
        }
        what = rng.randrange(5)
        if what == 4:  # extra members of the envelope are ignored
            envelope["method"] = rng.choice(["textDocument/hover", "irStudio/passes", "x/y"])
            envelope[rng.choice(["extra", "result", "error"])] = rng.choice(STRANGE)
            want.must.add(ident)
            if envelope["method"] == "x/y":
                want.codes[ident] = -32601
            return frame(encode(envelope))
        if what == 0:
            envelope["jsonrpc"] = rng.choice(["1.0", 2, None])
        elif what == 1:
            envelope["method"] = rng.choice([5, None, "", ["a"]])
        elif what == 2:
            envelope["params"] = rng.choice(["x", 3, True])
        else:
            envelope["id"] = rng.choice([1.25, True, {"a": 1}, [1], None])
            want.null_at_least += 1
            return frame(encode(envelope))
        want.must.add(ident)
        want.codes[ident] = -32600
        return frame(encode(envelope))
    if roll < 0.86:  # a well-framed body that is not a JSON object
        want.null_at_least += 1
        body = rng.choice(
            [b"{", b"{not json}", b"", b"nul", b"\xff\xfe\xfd", b"[" * 50000, b"1", b'"s"', b"[]"]
        )
        return frame(body)
    # a broken frame: the request inside may or may not be answered, never twice
    want.maybe.add(ident)
    kind = rng.choice(sorted(BROKEN_FRAMES))
    return BROKEN_FRAMES[kind][0](_hover(ident))


def test_seeded_stream_of_malformed_traffic(server: RawServer) -> None:
    rng = random.Random(SEED)
    started = time.monotonic()
    initialize(server, {"processId": None, "capabilities": {}}, ident="init")
    open_document(server, DOC, TEXT)
    want = Expectation()
    stream = b"".join(_case(rng, n, want) for n in range(ROUNDS))
    # the server answers while we write: write in pieces of random size
    at = 0
    while at < len(stream):
        size = rng.choice([1, 7, 100, 4096, 65536])
        server.write(stream[at : at + size])
        at += size
    server.write(frame(_hover("end")))
    deadline = started + DEADLINE
    answers: dict[Any, list[dict[str, Any]]] = {}
    nulls = []
    shown = []
    while not want.must <= answers.keys() or "end" not in answers:
        message = server.next(deadline)
        if message.get("method") == "window/showMessage":
            shown.append(message["params"]["message"])
        if "method" in message:
            continue
        if message.get("id") is None:
            nulls.append(message)
            continue
        answers.setdefault(message["id"], []).append(message)
    assert_healthy(server, "stream")
    while not server.messages.empty():  # late replies count too
        message = server.messages.get()
        if "method" not in message and message.get("id") is not None:
            answers.setdefault(message["id"], []).append(message)
    unexpected = (
        answers.keys() - want.must - want.maybe - {"end", "hover-stream", "complete-stream"}
    )
    assert not unexpected
    assert all(len(replies) == 1 for replies in answers.values())
    for ident, replies in answers.items():
        error = replies[0].get("error")
        assert error is None or error["code"] != -32603, (ident, error)
        if ident in want.codes:
            assert error is not None, replies
            assert error["code"] == want.codes[ident], replies
    assert not shown  # no "Error in server" pop-ups: malformed input is not a server error
    assert len(nulls) >= want.null_at_least
    assert all(m["error"]["code"] in (-32700, -32600) for m in nulls)
    assert time.monotonic() - started < DEADLINE


def test_lenient_initialize_keeps_every_field_that_fits() -> None:
    """Hundreds of damaged `initialize` params: each is read, and what was not damaged
    survives (a bad processId does not cost the client its rootUri or capabilities)."""
    from ir_studio.lsp.server import build_server
    from lsprotocol import converters, types
    from pytest_lsp import client_capabilities

    protocol = build_server().protocol
    capabilities = converters.get_converter().unstructure(client_capabilities("neovim"))
    params = {
        "processId": "",
        "rootUri": "file:///work",
        "capabilities": capabilities,
        "clientInfo": {"name": "x", "version": 3},
    }
    read = protocol._lenient_initialize_params(json.loads(json.dumps(params)))
    assert read.process_id is None
    assert read.root_uri == "file:///work"
    assert read.capabilities.text_document is not None
    assert read.capabilities.text_document.hover is not None
    rng = random.Random(SEED)
    for _ in range(300):
        damaged: Any = params
        for _ in range(rng.randrange(1, 8)):
            damaged = _mutate(rng, damaged)
        read = protocol._lenient_initialize_params(damaged)
        assert isinstance(read, types.InitializeParams)
