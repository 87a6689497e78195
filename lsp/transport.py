"""Framing of the LSP base protocol, tolerant of broken frames.

pygls reads headers line by line and trusts them: a frame without `Content-Length`, a
`Content-Length` that is wrong, or a header line that never ends leaves it reading the
next messages as headers or as the broken body, and every later request of the session
goes unanswered. `FrameDecoder` instead resynchronises on the next `Content-Length:`
header whenever what it read does not parse, so one bad frame costs that frame only:

* a body that is not JSON is reported (the protocol answers `ParseError`, id null); if
  it contains the start of the next frame (its `Content-Length` overstated the body)
  the message is what comes before that header, and decoding resumes at the header;
* a header block without a usable `Content-Length`, unknown bytes between frames and
  header blocks over `MAX_HEADER` bytes are skipped up to the next header; a JSON
  object sent without any header is still read as a message;
* a body still incomplete after `IDLE` seconds of silence, whose bytes already hold the
  next header, is cut there (read if it is a whole message, else reported like a
  non-JSON body), so a client that waits for its answer is not stuck behind an
  overstated length.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

MAX_HEADER = 64 * 1024
MAX_BODY = 1 << 30
IDLE = 1.0

_TCHAR = rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]"
_HEADER_BLOCK = re.compile(rb"((?:" + _TCHAR + rb"+:[^\r\n]*\r?\n)*)\r?\n")
_HEADER_PREFIX = re.compile(
    rb"(?:" + _TCHAR + rb"+:[^\r\n]*\r?\n)*(?:" + _TCHAR + rb"+(?::[^\r\n]*\r?)?|\r)?"
)
_MARKER = re.compile(rb"content-length[ \t]*:", re.IGNORECASE)
_SPACE = re.compile(rb"[ \t\r\n]*")


@dataclass(frozen=True)
class Received:
    """One decoded message, or (`error` set) bytes that should have been one."""

    value: Any = None
    error: str | None = None


class FrameDecoder:
    """Bytes in, messages out; never raises on input."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._length: int | None = None  # the body length once its headers are read

    @property
    def waiting_for_body(self) -> bool:
        if self._length is not None:
            return True
        space = _SPACE.match(self._buffer)
        return space is not None and self._buffer[space.end() : space.end() + 1] == b"{"

    def feed(self, data: bytes) -> list[Received]:
        self._buffer += data
        return self._drain(stalled=False)

    def stalled(self) -> list[Received]:
        """The peer went quiet mid-message: give up the partial one if a header follows."""
        return self._drain(stalled=True)

    def _drain(self, stalled: bool) -> list[Received]:
        out: list[Received] = []
        while True:
            if self._length is not None:
                if not self._body(out, stalled):
                    return out
                continue
            space = _SPACE.match(self._buffer)
            start = space.end() if space is not None else 0
            if start:
                del self._buffer[:start]
            if not self._buffer:
                return out
            if self._buffer[:1] == b"{":
                if not self._bare_json(out, stalled):
                    return out
                continue
            if not self._headers():
                return out

    def _body(self, out: list[Received], stalled: bool) -> bool:
        length = self._length
        assert length is not None
        if len(self._buffer) < length:
            marker = _MARKER.search(self._buffer, 1) if stalled else None
            if marker is None:
                return False
            length = marker.start()
        body = bytes(self._buffer[:length])
        self._length = None
        try:
            out.append(Received(json.loads(body)))
            del self._buffer[:length]
            return True
        except (ValueError, RecursionError) as exc:
            reason = f"message body is not JSON: {exc}"
        marker = _MARKER.search(body, 1)
        cut = marker.start() if marker is not None else length
        if marker is not None:  # the length was overstated: the message may end there
            try:
                out.append(Received(json.loads(body[:cut])))
                logger.warning("Content-Length overstated by %d bytes", length - cut)
                del self._buffer[:cut]
                return True
            except (ValueError, RecursionError):
                pass
        logger.warning("%s (%d bytes dropped)", reason, cut)
        out.append(Received(error=reason))
        del self._buffer[:cut]
        return True

    def _bare_json(self, out: list[Received], stalled: bool) -> bool:
        """A JSON object with no header in front (a client that forgot it)."""
        marker = _MARKER.search(self._buffer)
        end = marker.start() if marker is not None else len(self._buffer)
        text = bytes(self._buffer[:end]).decode("utf-8", "surrogateescape")
        try:
            value, used = json.JSONDecoder().raw_decode(text)
        except (ValueError, RecursionError) as exc:
            position = getattr(exc, "pos", 0)
            if marker is None and not stalled and position >= len(text.rstrip()):
                return False  # incomplete so far
            reason = f"message without a header is not JSON: {exc}"
            logger.warning("%s (%d bytes dropped)", reason, end)
            out.append(Received(error=reason))
            del self._buffer[:end]
            return bool(self._buffer)
        logger.warning("message without a Content-Length header")
        out.append(Received(value))
        del self._buffer[: len(text[:used].encode("utf-8", "surrogateescape"))]
        return True

    def _headers(self) -> bool:
        window = bytes(self._buffer[: MAX_HEADER + 1])
        block = _HEADER_BLOCK.match(window)
        if block is not None and block.end() <= MAX_HEADER:
            length = self._content_length(block.group(1))
            del self._buffer[: block.end()]
            if length is not None:
                self._length = length
            else:
                logger.warning("header block without a valid Content-Length skipped")
            return True
        prefix = _HEADER_PREFIX.match(window)
        if prefix is not None and prefix.end() == len(window) <= MAX_HEADER:
            return False  # headers still arriving
        return self._skip("unreadable header")

    def _skip(self, what: str) -> bool:
        marker = _MARKER.search(self._buffer, 1)
        brace = self._buffer.find(b"\n{", 1)
        starts = (marker.start() if marker else -1, brace + 1 if brace >= 0 else -1)
        candidates = [p for p in starts if p > 0]
        if candidates:
            cut = min(candidates)
            logger.warning("%s: %d bytes skipped", what, cut)
            del self._buffer[:cut]
            return True
        keep = 32  # a header may be arriving split across reads
        if len(self._buffer) > keep:
            logger.warning("%s: %d bytes skipped", what, len(self._buffer) - keep)
            del self._buffer[: len(self._buffer) - keep]
        return False

    @staticmethod
    def _content_length(block: bytes) -> int | None:
        lengths = set()
        for line in block.splitlines():
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                text = value.strip()
                if not text.isdigit():
                    return None
                lengths.add(int(text))
        if len(lengths) != 1:
            return None
        (length,) = lengths
        return length if length <= MAX_BODY else None


async def serve(
    read: Callable[[], Awaitable[bytes]],
    deliver: Callable[[Received], None],
    stop_event: threading.Event,
) -> None:
    """Read until end of input, handing each message (or broken one) to `deliver`."""
    decoder = FrameDecoder()
    pending: asyncio.Future[bytes] | None = None
    while not stop_event.is_set():
        if pending is None:
            pending = asyncio.ensure_future(read())
        timeout = IDLE if decoder.waiting_for_body else None
        done, _ = await asyncio.wait({pending}, timeout=timeout)
        if not done:
            received = decoder.stalled()
        else:
            data = pending.result()
            pending = None
            if not data:
                break
            received = decoder.feed(data)
        for item in received:
            try:
                deliver(item)
            except Exception:  # one message must never end the session
                logger.exception("failed to handle a message")
