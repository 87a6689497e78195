"""Diffs of IR that stay quiet about pure renumbering of SSA names.

Before diffing, values and blocks are renamed in order of first appearance (`%v0, %v1`,
`^b0`), so two printings that differ only in how SSA values are numbered compare equal;
the diff is then shown on the original lines.
"""

from __future__ import annotations

import difflib
import re

_VALUE = re.compile(r"%[\w$.\-]+")
_BLOCK = re.compile(r"\^[\w$.\-]+")


def canonical_lines(text: str) -> list[str]:
    names: dict[str, str] = {}
    blocks: dict[str, str] = {}

    def value(match: re.Match[str]) -> str:
        return names.setdefault(match.group(0), f"%v{len(names)}")

    def block(match: re.Match[str]) -> str:
        return blocks.setdefault(match.group(0), f"^b{len(blocks)}")

    return [_BLOCK.sub(block, _VALUE.sub(value, line)) for line in text.splitlines()]


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
