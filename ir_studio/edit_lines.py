"""Where an edit is, line by line: the helpers `ir_studio.incremental` decides with."""

from __future__ import annotations

import re

from ir_studio.items import _depth_change

_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"?|//')


def common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    step = 4096
    while i < n:
        j = min(i + step, n)
        if a[i:j] != b[i:j]:
            while a[i] == b[i]:
                i += 1
            return i
        i = j
    return n


def common_suffix(a: str, b: str, limit: int) -> int:
    i = 0
    step = 4096
    la, lb = len(a), len(b)
    while i < limit:
        j = min(i + step, limit)
        if a[la - j : la - i] != b[lb - j : lb - i]:
            while i < limit and a[la - 1 - i] == b[lb - 1 - i]:
                i += 1
            return i
        i = j
    return limit


def code_of(line: str) -> str:
    """The line without its trailing `//` comment (one inside a string stays)."""
    for match in _COMMENT.finditer(line):
        if match.group() == "//":
            return line[: match.start()]
    return line


def simple_lines(segment: str, balanced: bool) -> bool:
    """No block label or region end starts a line; for the replaced lines also:
    brackets balance on every line (so no region or multi-line op starts or ends)."""
    for line in segment.split("\n"):
        code = code_of(line).strip()
        if not code:
            continue
        if code[0] in "^}" or (balanced and (code[0] == "{" or _depth_change(
                code, 0, len(code)) != 0)):
            return False
    return True


def last_token_end(text: str, offset: int) -> int:
    """End of the last token before `offset` (what the full parse's `last_end` is)."""
    end = offset
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        code = code_of(text[start : end - 1 if text[end - 1] == "\n" else end]).rstrip()
        if code.strip():
            return start + len(code)
        end = start
    return 0
