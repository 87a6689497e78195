"""Split a chunk into top-level items without parsing it.

Parsing item by item is what lets one broken function leave the others, and their
spans, intact, and what the per-item cache keys on. The scanner only tracks strings,
comments and bracket depth, so it is linear and never fails: at worst it returns one
item for the whole chunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCAN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|//[^\n]*|[(){}\[\]]|\n[ \t]*')
_ITEM_START = re.compile(r"[%\"#!@A-Za-z_]|\{-#")
_MODULE_HEAD = re.compile(r"\s*(?:builtin\.)?module\b")


@dataclass(frozen=True, slots=True)
class Item:
    """A top-level op or alias definition occupying ``[start, end)`` of the file."""

    start: int
    end: int
    kind: str
    """"op", "alias" (`#a = ...`, `!t = ...`) or "metadata" (`{-# ... #-}`)."""


def _classify(text: str, start: int) -> str:
    if text.startswith("{-#", start):
        return "metadata"
    if text[start] in "#!":
        return "alias"
    return "op"


def _skip_trivia(text: str, pos: int, end: int) -> int:
    while pos < end:
        char = text[pos]
        if char in " \t\r\n":
            pos += 1
        elif text.startswith("//", pos):
            newline = text.find("\n", pos, end)
            pos = end if newline == -1 else newline + 1
        else:
            break
    return pos


def _depth_change(text: str, start: int, end: int) -> int:
    """Net bracket depth change over text[start:end], ignoring strings and comments.
    Uses plain counts unless the segment has a quote or a comment (the common case)."""
    if text.find('"', start, end) < 0 and text.find("//", start, end) < 0:
        opened = text.count("(", start, end) + text.count("{", start, end) + text.count(
            "[", start, end)
        closed = text.count(")", start, end) + text.count("}", start, end) + text.count(
            "]", start, end)
        return opened - closed
    change = 0
    for match in _SCAN.finditer(text, start, end):
        head = match.group()[0]
        if head in "({[":
            change += 1
        elif head in ")}]":
            change -= 1
    return change


def split_items(text: str, start: int, end: int) -> list[Item]:
    """Top-level items of ``text[start:end]``, by depth-0 line starts.

    A line starts a new item when it is at bracket depth 0, is indented no deeper than
    the current item's first line, and begins like an op or alias. Continuation lines of
    a multi-line op are indented deeper in any printed or hand-written MLIR we know.
    Only lines that could start an item are visited; the brackets between two of them
    are counted in bulk.
    """
    first = _skip_trivia(text, start, end)
    if first >= end:
        return []
    starts = [first]
    item_indent = first - (text.rfind("\n", 0, first) + 1)
    candidates = re.compile(r"\n([ \t]{0," + str(item_indent) + r"})(?=[%\"#!@A-Za-z_]|\{-#)")
    depth = 0
    scanned = first
    for match in candidates.finditer(text, first, end):
        pos = match.end()
        if pos >= end:
            break
        # Extra closers (broken text) clamp at 0, so the next depth-0 line starts an item.
        depth = max(0, depth + _depth_change(text, scanned, match.start()))
        scanned = match.start()
        if depth != 0:
            continue
        indent = len(match.group(1))
        if indent <= item_indent:
            starts.append(pos)
            item_indent = indent
    items: list[Item] = []
    for index, item_start in enumerate(starts):
        item_end = starts[index + 1] if index + 1 < len(starts) else end
        item_end = _trim_end(text, item_start, item_end)
        items.append(Item(item_start, item_end, _classify(text, item_start)))
    return items


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing blank lines and whole-line comments that belong to the next item."""
    while True:
        new_end = end
        while new_end > start and text[new_end - 1] in " \t\r\n":
            new_end -= 1
        line_start = text.rfind("\n", start, new_end) + 1
        if line_start > start and text[line_start:new_end].lstrip().startswith("//"):
            end = line_start
            continue
        return new_end


@dataclass(frozen=True, slots=True)
class ModuleShell:
    """A chunk that is one `module { ... }`: its header and its body's bounds."""

    header_end: int
    """Offset just after the body's opening brace."""
    body_end: int
    """Offset of the body's closing brace."""


def module_shell(text: str, item: Item) -> ModuleShell | None:
    """Recognise `module [@name] [attributes {...}] { body }` so its body can be split."""
    if not _MODULE_HEAD.match(text, item.start):
        return None
    depth = 0
    open_brace = -1
    previous_word = ""
    for match in _SCAN.finditer(text, item.start, item.end):
        token = match.group()
        if token == "{":
            if depth == 0 and open_brace == -1:
                between = text[item.start : match.start()]
                previous_word = between.split()[-1] if between.split() else ""
                if previous_word != "attributes":
                    open_brace = match.end()
            depth += 1
        elif token in "([":
            depth += 1
        elif token in ")]}":
            depth -= 1
            if depth == 0 and token == "}" and open_brace != -1:
                tail = _skip_trivia(text, match.end(), item.end)
                if tail != item.end:
                    return None
                return ModuleShell(open_brace, match.start())
    return None
