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
from dataclasses import dataclass, field

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


_LINE_SCAN = re.compile(
    r'//[^\n]*|"(?:[^"\\\n]|\\.)*"?|(?P<brace>[{}])|(?P<label>^[ \t]*\^[\w$.\-]+)'
    r"|(?P<value>%[\w$.\-]+)",
    re.MULTILINE,
)
_BLANK = re.compile(r"\s*(?://[^\n]*)?")


@dataclass
class _Region:
    """Walking a region upward from the cursor's block: once a label is crossed, the
    values above it belong to other blocks and count only if they turn out to be the
    entry block's (which dominates every block of its region)."""

    skipping: bool = False
    segment: list[LexToken] = field(default_factory=list)  # values since the last label
    labelled: list[LexToken] = field(default_factory=list)  # that label's block: entry?
    content: bool = False  # anything but blanks above that label yet

    def entry(self) -> list[LexToken]:
        return self.segment if self.content else self.labelled


def visible_values(
    text: str, offset: int, prefix: str = "", limit: int | None = None
) -> tuple[list[LexToken], bool]:
    """`%` definitions in the top-level op around `offset`, above its line, in blocks
    that dominate it as far as the text shows (regions still open, the current block
    and the entry blocks), nearest first: the syntactic answer to "which values can I
    use here" in a function that has never parsed. Walks upward and stops after `limit`
    names, so a huge function costs only the lines it needs; the flag says whether the
    list is complete."""
    start, _ = _item_bounds(text, offset)
    found: list[LexToken] = []
    names: set[str] = set()
    region = _Region()
    depth = 0  # regions closed again below (their values are out of reach)

    def take(tokens: list[LexToken]) -> None:
        for token in tokens:
            if token.name not in names and token.name[1:].startswith(prefix):
                names.add(token.name)
                found.append(token)

    # the header of an op with a region: "inside" when the cursor is in that region (its
    # results are not visible there, its region arguments are), "closed" when the region
    # ended above the cursor (only its results are visible)
    header: str | None = None
    end = text.rfind("\n", 0, offset)  # the line being typed defines nothing yet
    while end > start:
        line_start = max(text.rfind("\n", start, end) + 1, start)
        label_line = False
        leading = _LEADING.match(text, line_start, end)
        plain = not depth and not header and _SPECIAL.search(text, line_start, end) is None
        if plain:  # the common line: no regions, labels, arguments, strings or comments
            tokens = [] if leading is None else _results(leading)
            if region.skipping:
                region.segment.extend(reversed(tokens))
            else:
                take(list(reversed(tokens)))
        for match in () if plain else reversed(list(_LINE_SCAN.finditer(text, line_start, end))):
            kind = match.lastgroup
            if kind == "brace":
                if match.group(0) == "}":
                    depth += 1
                elif depth:
                    depth -= 1
                    header = None if depth else "closed"
                else:  # out of this region, into the block of the op that holds it
                    if region.skipping:
                        take(region.entry())
                    region = _Region()
                    header = "inside"
            elif depth:
                continue
            elif kind == "label":
                label_line = True
                if region.skipping:
                    region.labelled, region.segment, region.content = region.segment, [], False
                else:
                    region.skipping, region.segment = True, []
            elif kind == "value" and _is_definition(text, *match.span("value")):
                result = leading is not None and match.end() <= leading.end()
                if (header == "inside" and result) or (header == "closed" and not result):
                    continue
                token = LexToken(match.group("value"), Span(*match.span("value")), True)
                if region.skipping:
                    region.segment.append(token)
                else:
                    take([token])
        if header and _STATEMENT_START.match(text, line_start, end):
            header = None
        if region.skipping and not label_line and not _BLANK.fullmatch(text, line_start, end):
            region.content = True
        if limit is not None and len(found) > limit:
            return found[:limit], False
        end = line_start - 1
    return found, True


_NAME = r"%[\w$.\-]+(?::\d+)?"
_LEADING = re.compile(rf"[ \t]*({_NAME}(?:\s*,\s*{_NAME})*)\s*=(?!=)")
_SPECIAL = re.compile(r'[{}^@"]|//')
_STATEMENT_START = re.compile(r"[ \t]*(?:%|\"|[A-Za-z_][\w$]*\.)")


def _results(leading: re.Match[str]) -> list[LexToken]:
    """The names of a line's result list (`%a, %b:2 =`), in order."""
    tokens = []
    for name in re.finditer(r"%[\w$.\-]+", leading.group(1)):
        a = leading.start(1) + name.start()
        tokens.append(LexToken(name.group(0), Span(a, a + len(name.group(0))), True))
    return tokens


def _is_definition(text: str, a: int, b: int) -> bool:
    line_end = text.find("\n", b)
    after = text[b : line_end if line_end >= 0 else len(text)]
    return bool(_LHS_DEF.match(after)) or (bool(_ARG_DEF.match(after)) and _in_arg_list(text, a))
