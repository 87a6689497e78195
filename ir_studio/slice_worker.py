"""The second process of `ir_studio.parallel_build`: started once, warmed, then fed
slices of files to check.

`SliceWorker` (in the language server's process) starts `python -m
ir_studio.slice_worker` as a plain child process (no fork of the threaded server) and
talks to it over its stdin and stdout in length-prefixed pickles of plain data. The
worker imports the parser and loads the common dialects by checking a small file
before it says it is ready; a worker that is not ready, busy, dead or too slow is
simply not used (the caller checks the whole file itself), and one that died or timed
out is replaced. The worker exits when its stdin closes, so it never outlives the
server, even one that was killed.
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import struct
import subprocess
import sys
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import IO, Any

from ir_studio.parallel_build import SliceResult

log = logging.getLogger(__name__)

_HEADER = struct.Struct(">I")
MAX_RESTARTS = 3
"""A worker that keeps dying is given up on: files are then checked in one process."""

WARM_UP = """\
func.func @warm_up(%a: i32, %f: f32, %flag: i1) -> i32 {
  %c = arith.constant 1 : i32
  %0 = arith.addi %a, %c : i32
  %1 = arith.muli %0, %0 : i32
  %g = arith.addf %f, %f : f32
  %2 = func.call @warm_up(%1, %g, %flag) : (i32, f32, i1) -> i32
  cf.cond_br %flag, ^done(%2 : i32), ^done(%1 : i32)
^done(%r: i32):
  return %r : i32
}
"""
"""The file both processes check before the first real one: imports, the dialects
nearly every file uses, the deep-stack parse thread."""


def _write(stream: IO[bytes], message: Any) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(body)) + body)
    stream.flush()


def _read(stream: IO[bytes]) -> Any:
    """The next message, or None at the end of the stream."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack(header)
    body = stream.read(length)
    return pickle.loads(body) if len(body) == length else None


class SliceWorker:
    """The server's handle on the worker process: one slice at a time."""

    def __init__(self, command: list[str] | None = None) -> None:
        self._command = command or [sys.executable, "-P", "-m", "ir_studio.slice_worker"]
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._ready = threading.Event()
        self._job: tuple[int, Future[SliceResult]] | None = None
        self._jobs = 0
        self._restarts = 0
        self._closed = False
        atexit.register(self.close)

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None else None

    @property
    def ready(self) -> bool:
        return self._ready.is_set() and self._job is None

    def start(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._ready.clear()
            try:
                process = subprocess.Popen(self._command, stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, close_fds=True)
            except OSError:
                log.exception("the build worker did not start")
                self._process = None
                return
            self._process = process
        threading.Thread(target=self._listen, args=(process,), name="slice-worker-reader",
                         daemon=True).start()

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout)

    def _listen(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        while True:
            try:
                message = _read(process.stdout)
            except Exception:  # a garbled frame: the worker is not to be trusted
                log.exception("unreadable message from the build worker")
                message = None
            if message is None:
                break
            kind = message[0]
            if kind == "ready":
                log.info("build worker %s ready", message[1])
                self._ready.set()
                continue
            with self._lock:
                job = self._job
                if job is not None and job[0] == message[1]:
                    self._job = None
            if job is None or job[0] != message[1]:
                continue  # the answer to a job given up on
            if kind == "done":
                job[1].set_result(message[2])
            else:
                job[1].set_exception(RuntimeError(f"build worker: {message[2]}"))
        self._died(process)

    def _died(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            if self._process is not process:
                return
            self._ready.clear()
            self._process = None
            job, self._job = self._job, None
            replace = not self._closed and self._restarts < MAX_RESTARTS
            if replace:
                self._restarts += 1
        if job is not None and not job[1].done():
            job[1].set_exception(RuntimeError("the build worker exited"))
        if process.poll() is None:  # alive but talking nonsense
            process.kill()
        _reap(process)
        if replace:
            log.warning("the build worker exited; starting another")
            self.start()

    def submit(self, uri: str, text: str, cut: int) -> Future[SliceResult] | None:
        """Start checking the items of `text` from `cut` on; None when the worker cannot
        take it now (not started, warming, busy, dead)."""
        with self._lock:
            process = self._process
            if (self._closed or process is None or not self._ready.is_set()
                    or self._job is not None or process.stdin is None):
                return None
            self._jobs += 1
            future: Future[SliceResult] = Future()
            self._job = (self._jobs, future)
            ident = self._jobs
        try:
            _write(process.stdin, ("slice", ident, uri, text, cut))
        except (OSError, ValueError):
            with self._lock:
                self._job = None
            return None
        return future

    def result(self, future: Future[SliceResult], timeout: float) -> SliceResult | None:
        """The slice's result, or None when the worker failed or took longer than
        `timeout` seconds (a worker that is that late is replaced)."""
        try:
            return future.result(timeout)
        except FutureTimeout:
            log.warning("the build worker took more than %.1f s; replacing it", timeout)
            self._kill()
        except Exception as error:
            log.warning("the build worker failed: %s", error)
        return None

    def _kill(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()  # its reader sees the end of the stream and starts another

    def close(self) -> None:
        """Stop the worker: its stdin closes (it exits by itself), killed if it has not
        within a second."""
        with self._lock:
            self._closed = True
            process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            process.kill()
            _reap(process)


def _reap(process: subprocess.Popen[bytes]) -> None:
    try:
        process.wait(timeout=5.0)
    except subprocess.TimeoutExpired:
        pass


# -- the worker process ------------------------------------------------------------------
def _trim() -> None:
    """Give the freed heap back to the system after a slice, so the idle worker's
    resident memory stays at its warm size."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def main() -> int:
    frames = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints never reach a frame
    requests = sys.stdin.buffer
    import gc

    from ir_studio.parallel_build import check_slice

    gc.disable()  # collected between slices (`_trim`), never in the middle of one

    try:
        check_slice("file:///warm-up.mlir", WARM_UP, 0, False)
    except Exception:  # a warm-up must never take the worker down
        log.exception("warm-up failed")
    _write(frames, ("ready", os.getpid()))
    while True:
        message = _read(requests)
        if message is None:
            return 0
        _, ident, uri, text, cut = message
        try:
            reply: tuple[Any, ...] = ("done", ident, check_slice(uri, text, cut, False))
        except Exception as error:
            reply = ("failed", ident, f"{type(error).__name__}: {error}")
        try:
            _write(frames, reply)
        except Exception as error:  # e.g. an attribute that does not pickle
            _write(frames, ("failed", ident, f"{type(error).__name__}: {error}"))
        del reply
        _trim()


if __name__ == "__main__":
    sys.exit(main())
