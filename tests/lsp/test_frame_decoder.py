"""`FrameDecoder` reads the same messages however the bytes are split across reads."""

from __future__ import annotations

import json
import random

from ir_studio.lsp.transport import FrameDecoder, Received


def _frame(message: object) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


PIECES = [
    _frame({"jsonrpc": "2.0", "id": 1, "method": "a", "params": {"text": "Content-Length: 3"}}),
    b"Content-Length: 5\r\n\r\n{oops",
    b"garbage\r\n",
    b"Content-Type: x\r\n\r\n" + json.dumps({"id": 2}).encode(),
    b"X-Pad: " + b"p" * 70_000 + b"\r\n" + _frame({"id": 3}),
    b"Content-Length: 12\r\n\r\n" + json.dumps({"id": 4, "method": "m"}).encode(),
    b'content-length: 9\n\n{"id": 5}',
    b"Content-Length: 4\r\nContent-Length: 5\r\n\r\n",
    _frame({"id": 6, "text": "é😀"}),
    b"Content-Length: 0\r\n\r\n",
    _frame({"id": 7}),
]


def _decode(data: bytes, sizes: list[int]) -> list[Received]:
    decoder = FrameDecoder()
    out: list[Received] = []
    at = 0
    for size in sizes:
        out += decoder.feed(data[at : at + size])
        at += size
    out += decoder.feed(data[at:])
    return out


def test_messages_and_errors_do_not_depend_on_read_sizes() -> None:
    data = b"".join(PIECES)
    whole = _decode(data, [])
    values = [r.value.get("id") for r in whole if r.error is None]
    assert values == [1, 2, 3, 5, 6, 7]  # 4 was cut short: its tail is skipped
    assert sum(r.error is not None for r in whole) == 3  # {oops, 4's head, the empty body
    rng = random.Random(7)
    for _ in range(10):
        sizes = [rng.choice([1, 2, 3, 17, 500, 4096]) for _ in range(400)]
        assert _decode(data, sizes) == whole


def test_a_body_with_the_text_of_a_header_is_one_message() -> None:
    message = {"id": 1, "params": {"text": "x\r\n\r\nContent-Length: 10\r\n\r\n{}"}}
    (received,) = FrameDecoder().feed(_frame(message))
    assert received.value == message


def test_an_overstated_length_yields_the_message_when_the_peer_goes_quiet() -> None:
    decoder = FrameDecoder()
    first = json.dumps({"id": 1}).encode()
    assert decoder.feed(b"Content-Length: 999\r\n\r\n" + first + _frame({"id": 2})) == []
    assert decoder.waiting_for_body
    assert [r.value for r in decoder.stalled()] == [{"id": 1}, {"id": 2}]
