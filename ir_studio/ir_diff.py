"""Diffs of IR that stay quiet about pure renumbering of SSA names.

Numbered values and blocks (`%12`, `^bb3`: names the printer assigns) are compared as
placeholders, so deleting one op does not make every later line "change" because its
numbers shifted; named values (`%sum`, `%arg0`) keep their names. The diff is computed on
those normalised lines (after trimming the common head and tail, so a local change in a
20,000-line function is cheap) and shown on the original lines.
"""

from __future__ import annotations

import difflib
import re

_NUMBERED_VALUE = re.compile(r"%\d+(?=[^\w$.\-]|$)")
_NUMBERED_BLOCK = re.compile(r"\^bb\d+")


def canonical_lines(text: str) -> list[str]:
    return [
        _NUMBERED_BLOCK.sub("^bb#", _NUMBERED_VALUE.sub("%#", line)) for line in text.splitlines()
    ]


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """SequenceMatcher opcodes, after trimming the equal head and tail."""
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    middle = difflib.SequenceMatcher(
        a=a[head : len(a) - tail], b=b[head : len(b) - tail], autojunk=False
    ).get_opcodes()
    out: list[tuple[str, int, int, int, int]] = []
    if head:
        out.append(("equal", 0, head, 0, head))
    out += [
        (tag, i1 + head, i2 + head, j1 + head, j2 + head)
        for tag, i1, i2, j1, j2 in middle
        if i2 > i1 or j2 > j1
    ]
    if tail:
        out.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return out


def _groups(
    opcodes: list[tuple[str, int, int, int, int]], context: int
) -> list[list[tuple[str, int, int, int, int]]]:
    matcher = difflib.SequenceMatcher()
    matcher.get_opcodes = lambda: opcodes  # pyright: ignore[reportAttributeAccessIssue]  # feeds precomputed opcodes to difflib's grouping
    return list(matcher.get_grouped_opcodes(context))


def unified_diff(before: str, after: str, context: int = 3) -> list[str]:
    """Unified diff lines of the original texts, computed on canonical names."""
    a_lines, b_lines = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(
        a=canonical_lines(before), b=canonical_lines(after), autojunk=False
    )
    out: list[str] = []
    for group in matcher.get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        out.append(
            f"@@ -{first[1] + 1},{last[2] - first[1]} +{first[3] + 1},{last[4] - first[3]} @@"
        )
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in b_lines[j1:j2]]
                continue
            out += ["-" + line for line in a_lines[i1:i2]]
            out += ["+" + line for line in b_lines[j1:j2]]
    return out


def side_by_side(before: str, after: str) -> list[tuple[str, str, str]]:
    """(tag, left, right) rows: tag is ' ', '-', '+' or '~' (changed)."""
    a_lines, b_lines = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(
        a=canonical_lines(before), b=canonical_lines(after), autojunk=False
    )
    rows: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [(" ", a, b) for a, b in zip(a_lines[i1:i2], b_lines[j1:j2], strict=True)]
        elif tag == "delete":
            rows += [("-", a, "") for a in a_lines[i1:i2]]
        elif tag == "insert":
            rows += [("+", "", b) for b in b_lines[j1:j2]]
        else:
            left, right = a_lines[i1:i2], b_lines[j1:j2]
            for k in range(max(len(left), len(right))):
                rows.append(
                    ("~", left[k] if k < len(left) else "", right[k] if k < len(right) else "")
                )
    return rows
