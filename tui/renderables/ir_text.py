"""IR text as mlir-opt prints it by default: without `loc(...)` (the locations stay in
the IR the views keep, for source mapping and for finding an op's line)."""

from __future__ import annotations

import re

_ALIAS = re.compile(r"^\s*#loc\d*\s*=\s*loc\(")
_NAME_LOC = re.compile(r'loc\("((?:[^"\\]|\\.)*)"\)')


def strip_locations(line: str) -> str:
    """`... : i32 loc("f.toy":3:5)` -> `... : i32`; nested parentheses and quoted
    strings inside a location are skipped whole, and `loc(` inside a string stays."""
    if "loc(" not in line:
        return line
    out: list[str] = []
    i = k = 0
    quoted = False
    while k < len(line):
        ch = line[k]
        if quoted:
            if ch == "\\":
                k += 1
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif line.startswith("loc(", k) and (
            k == 0 or not (line[k - 1].isalnum() or line[k - 1] in "_.#")
        ):
            end = _closing(line, k + 3)
            if end < 0:
                break
            out.append(line[i:k].rstrip(" "))
            i = k = end + 1
            continue
        k += 1
    out.append(line[i:])
    return "".join(out)


def _closing(line: str, open_at: int) -> int:
    depth = 0
    quoted = False
    k = open_at
    while k < len(line):
        ch = line[k]
        if quoted:
            if ch == "\\":
                k += 1
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return -1


def is_location_alias(line: str) -> bool:
    """`#loc3 = loc("name")`: a definition the default printing leaves out."""
    return bool(_ALIAS.match(line))


def named_location(line: str) -> str | None:
    """The name of a TPU-MLIR style `loc("name")` on a line (not a file:line:col)."""
    match = _NAME_LOC.search(line)
    return match.group(1) if match else None


def line_of_location(lines: list[str], name: str) -> int | None:
    """The line defining the op whose location is `name`."""
    needle = f'loc("{name}")'
    return next((n for n, line in enumerate(lines) if needle in line), None)
