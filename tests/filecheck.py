"""A small FileCheck: CHECK, CHECK-NEXT, CHECK-NOT, CHECK-LABEL and CHECK-COUNT-N over
text, each directive matched as a plain substring (MLIR test style, no regexes)."""

from __future__ import annotations


class CheckFailure(AssertionError):
    pass


def filecheck(text: str, directives: str) -> None:
    __tracebackhide__ = True
    lines = text.splitlines()
    pos = 0  # next line to search from
    last = -1  # line of the last positive match
    pending_not: list[str] = []

    def fail(msg: str) -> CheckFailure:
        return CheckFailure(f"{msg}\n--- input ---\n{text}")

    def find(pattern: str, start: int) -> int:
        for i in range(start, len(lines)):
            if pattern in lines[i]:
                return i
        return -1

    def flush_nots(until: int) -> None:
        for pattern in pending_not:
            for i in range(pos, until):
                if pattern in lines[i]:
                    raise fail(f"CHECK-NOT: found {pattern!r} on line {i + 1}")
        pending_not.clear()

    for raw in directives.strip().splitlines():
        raw = raw.strip()
        if not raw:
            continue
        kind, _, pattern = raw.partition(":")
        pattern = pattern.strip()
        if kind == "CHECK-NOT":
            pending_not.append(pattern)
            continue
        if kind == "CHECK-NEXT":
            if last + 1 >= len(lines) or pattern not in lines[last + 1]:
                got = lines[last + 1] if last + 1 < len(lines) else "<end>"
                raise fail(f"CHECK-NEXT: expected {pattern!r} on line {last + 2}, got {got!r}")
            flush_nots(last + 1)
            last = last + 1
            pos = last + 1
            continue
        if kind.startswith("CHECK-COUNT-"):
            count = int(kind.removeprefix("CHECK-COUNT-"))
            for _ in range(count):
                found = find(pattern, pos)
                if found < 0:
                    raise fail(f"{kind}: too few matches of {pattern!r}")
                flush_nots(found)
                last, pos = found, found + 1
            continue
        if kind not in ("CHECK", "CHECK-LABEL"):
            raise ValueError(f"unknown directive {kind!r}")
        found = find(pattern, pos)
        if found < 0:
            raise fail(f"{kind}: {pattern!r} not found after line {pos}")
        flush_nots(found)
        last, pos = found, found + 1
    flush_nots(len(lines))
