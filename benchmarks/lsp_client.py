"""A minimal synchronous LSP client over stdio for benchmarks (no test framework):
requests with timing, notifications collected by a reader thread."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class StdioClient:
    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env)
        self.last_diagnostics: list[dict[str, Any]] = []
        self._next = 0
        self._responses: dict[int, tuple[float, int, Any]] = {}
        self._notifications: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        self._cond = threading.Condition()
        self.last_was_partial = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = stream.read(length)
            now = time.perf_counter()
            message = json.loads(body)
            if "id" in message and ("result" in message or "error" in message):
                with self._cond:
                    self._responses[message["id"]] = (now, len(body), message)
                    self._cond.notify_all()
            elif "method" in message:
                if "id" in message:  # a request from the server: answer null
                    self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                self._notifications.put((now, message))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def drain(self) -> None:
        """Forget notifications received so far (so a wait sees only new ones)."""
        while not self._notifications.empty():
            self._notifications.get_nowait()

    def notify(self, method: str, params: Any) -> float:
        start = time.perf_counter()
        self._send({"jsonrpc": "2.0", "method": method, "params": params})
        return start

    def request(self, method: str, params: Any, timeout: float = 120) -> tuple[float, int, Any]:
        """(seconds, reply bytes, result)."""
        self._next += 1
        ident = self._next
        start = time.perf_counter()
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        with self._cond:
            self._cond.wait_for(lambda: ident in self._responses, timeout)
            done, size, message = self._responses.pop(ident)
        return done - start, size, message.get("result")

    def wait_diagnostics(self, uri: str, version: int | None, want_error: bool | None = None,
                         timeout: float = 120, complete: bool = True) -> float:
        """Time at which diagnostics for `uri` (and `version`, when the server sends it)
        arrived; with `want_error`, only a publish that has (True) or lacks (False) an
        error counts; with `complete`, a publish ir-studio marks as partial (its first
        diagnostic says "checking: ...") does not count."""
        deadline = time.perf_counter() + timeout
        while True:
            at, message = self._notifications.get(timeout=max(0.01, deadline - time.perf_counter()))
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] != uri:
                continue
            if version is not None and params.get("version") not in (None, version):
                continue
            found = params["diagnostics"]
            partial = bool(found) and found[0].get("message", "").startswith("checking: ")
            if complete and partial:
                continue
            self.last_was_partial = partial
            if want_error is not None:
                has_error = any(d.get("severity", 1) == 1 for d in params["diagnostics"])
                if has_error != want_error:
                    continue
            self.last_diagnostics = found
            return at

    def rss_mb(self) -> float:
        """Resident memory of the server and of every process it started (a build
        worker counts)."""
        return sum(_rss_mb(pid) for pid in [self.process.pid, *self.children()])

    def children(self) -> list[int]:
        found: list[int] = []
        try:
            for task in Path(f"/proc/{self.process.pid}/task").iterdir():
                found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
        return found

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
