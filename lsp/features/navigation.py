"""textDocument/definition, references, documentHighlight.

Definition also follows locations: on `loc("file":line:col)` (or on an op whose
location names another file) it jumps to that file and line, resolved against the
document's folder, then the workspace root.
"""

from __future__ import annotations

import re
from pathlib import Path

from ir_studio.lsp.convert import Converter
from ir_studio.lsp.server import IRStudioServer
from ir_studio.lsp.store import Snapshot
from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path
from xdsl.dialects.builtin import FileLineColLoc

from ir_studio.ide.lexical import LexToken, related

_LOC = re.compile(r'loc\("((?:[^"\\]|\\.)*)":(\d+):(\d+)\)')


def _resolve(ls: IRStudioServer, uri: str, file: str) -> str | None:
    path = Path(file)
    candidates = [path] if path.is_absolute() else []
    here = to_fs_path(uri)
    if here:
        candidates.append(Path(here).parent / path)
    root = ls.workspace.root_path
    if root:
        candidates.append(Path(root) / path)
    for candidate in candidates:
        if candidate.is_file():
            return from_fs_path(str(candidate))
    return None


def _file_location(
    ls: IRStudioServer, uri: str, file: str, line: int, col: int
) -> types.Location | None:
    target = _resolve(ls, uri, file)
    if target is None:
        return None
    position = types.Position(max(line - 1, 0), max(col - 1, 0))
    return types.Location(target, types.Range(position, position))


def _loc_at(ls: IRStudioServer, uri: str, text: str, offset: int) -> types.Location | None:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)]
    for match in _LOC.finditer(line):
        if match.start() <= offset - start <= match.end():
            return _file_location(ls, uri, match.group(1), int(match.group(2)), int(match.group(3)))
    return None


NAVIGATION_WAIT = 0.25
"""How long navigation waits for the snapshot of the current text before it answers
from the syntactic tier (a large file's first parse takes seconds)."""


async def _precise(
    ls: IRStudioServer, uri: str, position: types.Position
) -> tuple[Snapshot, int] | None:
    """The snapshot and offset when the current text has one whose item at the cursor
    parsed; None means: answer lexically."""
    snapshot = await ls.store.fresh(uri, timeout=NAVIGATION_WAIT)
    if snapshot is None or not snapshot.fresh:
        return None
    offset = ls.converter(snapshot).offset(position)
    item = snapshot.document.item_at(offset)
    if item is not None and item.parsed.op is None:
        return None
    return snapshot, offset


def _lexical(
    ls: IRStudioServer, uri: str, position: types.Position
) -> tuple[list[LexToken], Converter] | None:
    conv = ls.text_converter(uri)
    if conv is None:
        return None
    return related(conv.text, conv.offset(position)), conv


async def definition(ls: IRStudioServer, params: types.DefinitionParams) -> list[types.Location]:
    uri = params.text_document.uri
    precise = await _precise(ls, uri, params.position)
    if precise is None:
        found = _lexical(ls, uri, params.position)
        if found is None:
            return []
        tokens, conv = found
        return [types.Location(uri, conv.range(t.span)) for t in tokens if t.definition][:1]
    snapshot, offset = precise
    conv = ls.converter(snapshot)
    located = _loc_at(ls, uri, snapshot.document.text, offset)
    if located is not None:
        return [located]
    occurrence = snapshot.index.at(offset)
    if occurrence is not None and occurrence.kind == "op":
        loc = occurrence.payload.op.location
        if isinstance(loc, FileLineColLoc) and loc.filename.data != snapshot.document.uri:
            target = _file_location(ls, uri, loc.filename.data, loc.line.data, loc.column.data)
            return [target] if target is not None else []
        return []
    return [types.Location(uri, conv.range(span)) for span in snapshot.index.definition(offset)]


async def references(ls: IRStudioServer, params: types.ReferenceParams) -> list[types.Location]:
    uri = params.text_document.uri
    include = params.context.include_declaration
    precise = await _precise(ls, uri, params.position)
    if precise is None:
        found = _lexical(ls, uri, params.position)
        if found is None:
            return []
        tokens, conv = found
        return [
            types.Location(uri, conv.range(t.span)) for t in tokens if include or not t.definition
        ]
    snapshot, offset = precise
    conv = ls.converter(snapshot)
    spans = snapshot.index.references(offset, include_declaration=include)
    return [types.Location(uri, conv.range(span)) for span in spans]


async def highlight(
    ls: IRStudioServer, params: types.DocumentHighlightParams
) -> list[types.DocumentHighlight]:
    precise = await _precise(ls, params.text_document.uri, params.position)
    if precise is None:
        found = _lexical(ls, params.text_document.uri, params.position)
        if found is None:
            return []
        tokens, conv = found
        return [
            types.DocumentHighlight(
                conv.range(t.span),
                types.DocumentHighlightKind.Write
                if t.definition
                else types.DocumentHighlightKind.Read,
            )
            for t in tokens
        ]
    snapshot, offset = precise
    conv = ls.converter(snapshot)
    out = []
    for span, is_definition in snapshot.index.occurrences_of(offset):
        kind = (
            types.DocumentHighlightKind.Write if is_definition else types.DocumentHighlightKind.Read
        )
        out.append(types.DocumentHighlight(conv.range(span), kind))
    return out


FEATURES = [
    (types.TEXT_DOCUMENT_DEFINITION, definition, None),
    (types.TEXT_DOCUMENT_REFERENCES, references, None),
    (types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT, highlight, None),
]
