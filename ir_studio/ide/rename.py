"""Rename values, blocks, symbols and aliases: every occurrence, nothing else changes.

The edits replace exactly the name tokens the index recorded, so comments, other names
and formatting stay byte-identical; the new name is checked to be a valid MLIR name of
the same kind first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ir_studio.document import IRDocument
from ir_studio.index import DocumentIndex
from ir_studio.source import Span

_NAME = {
    "value": re.compile(r"[A-Za-z_$.\-][\w$.\-]*|\d+"),
    "block": re.compile(r"[A-Za-z_$.\-][\w$.\-]*|\d+"),
    "symbol": re.compile(r"[A-Za-z_$.][\w$.]*"),
    "alias": re.compile(r"[A-Za-z_$.][\w$.\-]*"),
}
_SIGILS = {"value": "%", "block": "^", "symbol": "@"}


class RenameError(Exception):
    pass


@dataclass(frozen=True)
class RenameTarget:
    kind: str
    span: Span
    """The whole token, sigil included."""
    name: str
    """Without its sigil."""


def _kind(occurrence_kind: str) -> str:
    return occurrence_kind.split("-")[0]


def prepare_rename(document: IRDocument, index: DocumentIndex, offset: int) -> RenameTarget | None:
    occurrence = index.at(offset)
    if occurrence is None or occurrence.kind == "op":
        return None
    kind = _kind(occurrence.kind)
    token = document.text[occurrence.span.start : occurrence.span.end]
    if kind == "value" and "#" in token:
        token = token.split("#", 1)[0]
    return RenameTarget(
        kind, Span(occurrence.span.start, occurrence.span.start + len(token)), token[1:].strip('"')
    )


def rename_edits(
    document: IRDocument, index: DocumentIndex, offset: int, new_name: str
) -> tuple[RenameTarget, list[tuple[Span, str]]]:
    """(target, [(span, replacement)]) for this document; raises RenameError."""
    target = prepare_rename(document, index, offset)
    if target is None:
        raise RenameError("nothing to rename here")
    sigil = _SIGILS.get(target.kind) or document.text[target.span.start]
    bare = new_name[1:] if new_name[:1] == sigil else new_name
    if not _NAME[target.kind].fullmatch(bare):
        raise RenameError(f"'{new_name}' is not a valid {target.kind} name")
    spans = index.references(offset, include_declaration=True)
    edits = []
    for span in spans:
        token = document.text[span.start : span.end]
        old = token.split("#", 1)[0] if target.kind == "value" else token
        if target.kind == "symbol" and token.startswith('"'):
            # Defined in the generic form: `sym_name = "f"` stays a string.
            edits.append((span, f'"{bare}"'))
            continue
        edits.append((Span(span.start, span.start + len(old)), sigil + bare))
    if target.kind in ("value", "block", "symbol") and _clashes(document, index, target, bare):
        raise RenameError(f"'{sigil}{bare}' is already defined in this scope")
    return target, edits


def _clashes(document: IRDocument, index: DocumentIndex, target: RenameTarget, bare: str) -> bool:
    item = document.item_at(target.span.start)
    if item is None:
        return False
    text = item.parsed.text
    if target.kind == "value":
        names = {d.name for d in item.parsed.record.value_defs}
        return "%" + bare in names
    if target.kind == "block":
        return any(
            text[r.span.start : r.span.end] == "^" + bare for r in item.parsed.record.block_defs
        )
    return any(d.name == bare for p in document.items for d in p.parsed.symbol_defs)


def symbol_tokens_in_text(text: str, old: str) -> list[tuple[int, int]]:
    """Lexical `@old` tokens (outside comments and strings) in a file that is not open."""
    spans = []
    pattern = re.compile(r'//[^\n]*|"(?:[^"\\\n]|\\.)*"|@' + re.escape(old) + r"(?![\w$.])")
    for match in pattern.finditer(text):
        if match.group(0).startswith("@"):
            spans.append((match.start(), match.end()))
    return spans
