"""`ir-studio lsp --tcp` listens on loopback only, and speaks LSP there."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening_addresses(port: int) -> list[str]:
    found = []
    with open("/proc/net/tcp") as table:
        for line in table.readlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.append(".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def test_tcp_binds_loopback_and_answers_initialize() -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-P", "-m", "ir_studio", "lsp", "--tcp", "--port", str(port)],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not _listening_addresses(port):
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "server did not listen"
            time.sleep(0.05)
        assert _listening_addresses(port) == ["127.0.0.1"]
        with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
            body = json.dumps(
                {
                    "jsonrpc": "2.0",
                    "id": 1,
                    "method": "initialize",
                    "params": {"processId": None, "capabilities": {}},
                }
            ).encode()
            conn.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            header, _, rest = data.partition(b"\r\n\r\n")
            length = next(
                int(line.split(b":")[1])
                for line in header.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
            while len(rest) < length:
                rest += conn.recv(65536)
            reply = json.loads(rest[:length])
        assert reply["id"] == 1
        assert reply["result"]["serverInfo"]["name"] == "ir-studio"
    finally:
        server.kill()
        server.wait(timeout=10)


def test_lsp_help_names_the_options() -> None:
    result = subprocess.run(
        [sys.executable, "-P", "-m", "ir_studio", "lsp", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "--tcp" in result.stdout
    assert "127.0.0.1" in result.stdout


class _Raw:
    """Bare JSON-RPC over the server's stdio, to control request ids exactly."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "ir_studio.lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        stream = self.process.stdout
        assert stream is not None
        length = 0
        while (line := stream.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length"):
                length = int(line.split(b":")[1])
        return json.loads(stream.read(length))

    def response(self, ident: int) -> dict:
        while True:
            message = self.receive()
            if message.get("id") == ident and "method" not in message:
                return message


def test_a_cancelled_request_is_answered_as_cancelled() -> None:
    raw = _Raw()
    try:
        raw.send(
            {"id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}}
        )
        raw.response(1)
        raw.send({"method": "initialized", "params": {}})
        lines = ["func.func @big(%arg0: i32) -> i32 {"]
        lines += [f"  %{i} = arith.addi %arg0, %arg0 : i32" for i in range(8000)]
        lines.append("  return %arg0 : i32\n}\n")
        uri = "file:///tmp/cancel.mlir"
        raw.send(
            {
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {
                        "uri": uri,
                        "languageId": "mlir",
                        "version": 1,
                        "text": "\n".join(lines),
                    }
                },
            }
        )
        # hover waits for the parse (about a second); cancel it while it waits
        raw.send(
            {
                "id": 2,
                "method": "textDocument/hover",
                "params": {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 3}},
            }
        )
        raw.send({"method": "$/cancelRequest", "params": {"id": 2}})
        cancelled = raw.response(2)
        assert cancelled["error"]["code"] == -32800  # RequestCancelled
        raw.send(
            {
                "id": 3,
                "method": "textDocument/hover",
                "params": {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 3}},
            }
        )
        assert "%4" in raw.response(3)["result"]["contents"]["value"]
    finally:
        raw.process.kill()
        raw.process.wait(timeout=10)
