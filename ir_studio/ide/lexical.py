"""The syntactic tier: navigation from tokens alone, for text that has no parse yet.

Used while a large file's first parse is still running, and inside a top-level op that
does not parse (the one being typed). Values and blocks are looked up within the
top-level item around the cursor, symbols in the whole text. Definitions are told from
uses by their place: `%x = ` / `%a, %b = ` / `iter_args(%a = `, block arguments and
function arguments (`(%x: type` after `^label` or `@name`), labels at a line start,
`@name` right after an op name and optional visibility.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ir_studio.items import split_items
from ir_studio.source import Span

_TOKEN = re.compile(
    r'//[^\n]*|"(?:[^"\\\n]|\\.)*"?|(?P<tok>%[\w$.\-]+|\^[\w$.\-]+|@[\w$.]+|@"[^"\n]*")'
)
_LHS_DEF = re.compile(r"\s*(?::\s*\d+)?\s*(?:,\s*%[\w$.\-]+(?::\d+)?\s*)*=(?!=)")
_ARG_DEF = re.compile(r"\s*:")
_SYMBOL_DEF = re.compile(r"[ \t]*[A-Za-z_][\w$]*\.[\w$.]+\s+(?:(?:private|public|nested)\s+)?$")


@dataclass(frozen=True)
class LexToken:
    name: str
    """Sigil and name, `#k` suffix dropped."""
    span: Span
    definition: bool


def _in_arg_list(text: str, start: int) -> bool:
    """Inside `(...)` opened right after `^label` or `@name` on this line."""
    depth = 0
    i = start - 1
    line_start = text.rfind("\n", 0, start) + 1
    while i >= line_start:
        char = text[i]
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                before = text[line_start:i].rstrip()
                return bool(re.search(r"(\^[\w$.\-]+|@[\w$.]+|@\"[^\"]*\")$", before))
            depth -= 1
        i -= 1
    return False


def scan(text: str, start: int, end: int) -> list[LexToken]:
    tokens: list[LexToken] = []
    for match in _TOKEN.finditer(text, start, end):
        token = match.group("tok")
        if token is None:
            continue
        a, b = match.span("tok")
        sigil = token[0]
        definition = False
        if sigil == "%":
            after = text[b : text.find("\n", b) if text.find("\n", b) >= 0 else len(text)]
            definition = bool(_LHS_DEF.match(after)) or (
                bool(_ARG_DEF.match(after)) and _in_arg_list(text, a)
            )
        elif sigil == "^":
            line_start = text.rfind("\n", 0, a) + 1
            definition = text[line_start:a].strip() == "" and text[b : b + 1] in ("(", ":")
        else:
            line_start = text.rfind("\n", 0, a) + 1
            definition = bool(_SYMBOL_DEF.match(text[line_start:a]))
        tokens.append(LexToken(token, Span(a, b), definition))
    return tokens


def _item_bounds(text: str, offset: int) -> tuple[int, int]:
    for item in split_items(text, 0, len(text)):
        if item.start <= offset <= item.end:
            return item.start, item.end
    return 0, len(text)


def related(text: str, offset: int) -> list[LexToken]:
    """Every occurrence (definitions first) of the name under `offset`."""
    start, end = _item_bounds(text, offset)
    local = scan(text, start, end)
    here = next((t for t in local if t.span.start <= offset <= t.span.end), None)
    if here is None:
        return []
    pool = local if here.name[0] in "%^" else scan(text, 0, len(text))
    same = [t for t in pool if t.name == here.name]
    return sorted(same, key=lambda t: (not t.definition, t.span.start))


_REGION_SCAN = re.compile(r'//[^\n]*|"(?:[^"\\\n]|\\.)*"?|[{}]')
_MODULE_HEAD = re.compile(r"\s*(?:builtin\.module|module|gpu\.module)\b")


def brace_depth(text: str, start: int, end: int) -> int:
    """Region nesting at `end` counted from `start` (strings and comments skipped)."""
    if text.find('"', start, end) < 0 and text.find("//", start, end) < 0:
        return text.count("{", start, end) - text.count("}", start, end)
    depth = 0
    for match in _REGION_SCAN.finditer(text, start, end):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
    return depth


def at_top_level(text: str, offset: int) -> bool:
    """Where a file's own ops go: outside every top-level op, or directly in the body
    of a `module` (a file is often one module around its functions)."""
    item = next((i for i in split_items(text, 0, len(text)) if i.start <= offset <= i.end), None)
    if item is None:
        return True
    start = item.start
    depth = brace_depth(text, start, offset)
    if depth <= 0:
        return True
    return depth == 1 and _MODULE_HEAD.match(text, start) is not None


_VALUE_SCAN = re.compile(
    r'//[^\n]*|"(?:[^"\\\n]|\\.)*"?|(?P<brace>[{}])|(?P<label>^[ \t]*\^[\w$.\-]+)'
    r"|(?P<value>%[\w$.\-]+)",
    re.MULTILINE,
)


_BLANK = re.compile(r"(?:\s|//[^\n]*)*")


@dataclass
class _Level:
    """The values of one region open at the cursor: its entry block's, and the current
    block's once a second label starts (values of earlier non-entry blocks do not
    dominate the cursor)."""

    start: int
    entry: list[LexToken]
    current: list[LexToken]
    labels: int = 0


def visible_values(text: str, offset: int) -> list[LexToken]:
    """`%` definitions in the top-level op around `offset`, before it, in regions still
    open there, nearest first: the syntactic answer to "which values can I use here"
    for a function that has never parsed."""
    start, _ = _item_bounds(text, offset)
    line_start = text.rfind("\n", 0, offset) + 1  # the op being typed defines nothing yet
    levels = [_Level(start, [], [])]
    for match in _VALUE_SCAN.finditer(text, start, line_start):
        kind = match.lastgroup
        if kind == "brace":
            if match.group(0) == "{":
                levels.append(_Level(match.end(), [], []))
            elif len(levels) > 1:
                levels.pop()
        elif kind == "label":
            level = levels[-1]
            level.labels += 1
            if level.labels == 1 and _BLANK.fullmatch(text, level.start, match.start()):
                level.labels = 0  # the entry block's own label
            elif level.labels == 1:
                level.entry, level.current = level.current, []
            else:
                level.current = []
        elif kind == "value":
            a, b = match.span("value")
            line_end = text.find("\n", b)
            after = text[b : line_end if line_end >= 0 else len(text)]
            is_def = bool(_LHS_DEF.match(after)) or (
                bool(_ARG_DEF.match(after)) and _in_arg_list(text, a)
            )
            if is_def:
                levels[-1].current.append(LexToken(match.group("value"), Span(a, b), True))
    found = [t for level in levels for t in (*level.entry, *level.current)]
    unique: dict[str, LexToken] = {}
    for token in reversed(found):
        unique.setdefault(token.name, token)
    return list(unique.values())
