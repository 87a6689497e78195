"""`IRDocument`: the immutable snapshot of one text version that every front end reads.

`build_document(uri, version, text)` splits `// -----` chunks, splits each chunk into
top-level items, parses items independently (one broken function never hides the
others), verifies them, checks dominance and symbols, and assembles one module per
chunk. With an `ItemCache` unchanged items are reused, which is what makes re-checks
after an edit cheap.

Ownership: the xDSL ops of cached items move into the newest document's modules. The
snapshot's data (text, spans, diagnostics) never changes; its IR belongs to the newest
version of the document. Passes always run on a clone (`IRDocument.clone_module`).
"""

from __future__ import annotations

import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TypeVar

from xdsl.context import Context
from xdsl.dialects.builtin import FileLineColLoc, IntAttr, ModuleOp
from xdsl.ir import Attribute, Operation

from ir_studio.context import shared_context
from ir_studio.diagnostics import Diagnostic, sort_key
from ir_studio.frontends.mlir_parser import SpanRecordingParser, line_col_locations
from ir_studio.items import Item, module_shell, split_items
from ir_studio.parse_item import ParsedItem, check_item, parse_item
from ir_studio.source import Chunk, LineIndex, Span, split_chunks
from ir_studio.symbols import SymbolDef, SymbolUse, check_symbols

T = TypeVar("T")
_STACK_BYTES = 512 * 1024 * 1024
_RECURSION_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class PlacedItem:
    """A parsed item at its place in this version of the text."""

    base: int
    chunk: int
    kind: str
    parsed: ParsedItem

    @property
    def end(self) -> int:
        return self.base + len(self.parsed.text)


@dataclass(frozen=True, slots=True)
class ChunkResult:
    chunk: Chunk
    module: ModuleOp | None
    aliases: tuple[tuple[str, Span], ...]


@dataclass(frozen=True)
class IRDocument:
    uri: str
    version: int
    text: str
    lines: LineIndex
    chunks: tuple[ChunkResult, ...]
    items: tuple[PlacedItem, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not any(d.severity == 1 for d in self.diagnostics)

    def modules(self) -> list[ModuleOp]:
        return [c.module for c in self.chunks if c.module is not None]

    def clone_module(self, chunk: int = 0) -> ModuleOp | None:
        """A private copy for passes to mutate."""
        module = self.chunks[chunk].module if chunk < len(self.chunks) else None
        return None if module is None else module.clone()

    def item_at(self, offset: int) -> PlacedItem | None:
        """The item whose text contains `offset` (binary search)."""
        items = self.items
        low, high = 0, len(items)
        while low < high:
            middle = (low + high) // 2
            if items[middle].base <= offset:
                low = middle + 1
            else:
                high = middle
        if low == 0:
            return None
        item = items[low - 1]
        return item if offset <= item.end else None


class ItemCache:
    """Parsed items keyed by (alias environment, item text), least recently used out."""

    def __init__(self, capacity: int = 20_000) -> None:
        self._entries: OrderedDict[tuple[str, str], ParsedItem] = OrderedDict()
        self._capacity = capacity

    def get(self, key: tuple[str, str]) -> ParsedItem | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: tuple[str, str], item: ParsedItem) -> None:
        self._entries[key] = item
        self._entries.move_to_end(key)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)


_deep_lock = threading.Lock()
_deep_worker: ThreadPoolExecutor | None = None
_on_deep_stack = threading.local()


def _deep_executor() -> ThreadPoolExecutor:
    """One long-lived thread with a large stack (creating one per call costs ~6 ms)."""
    global _deep_worker
    with _deep_lock:
        if _deep_worker is None:
            old_size = threading.stack_size()
            try:
                threading.stack_size(_STACK_BYTES)
                worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ir-studio-parse",
                                            initializer=_mark_deep)
                worker.submit(lambda: None).result()  # create the thread now, with that stack
            finally:
                threading.stack_size(old_size)
            sys.setrecursionlimit(max(sys.getrecursionlimit(), _RECURSION_LIMIT))
            _deep_worker = worker
        return _deep_worker


def _mark_deep() -> None:
    _on_deep_stack.active = True


def run_with_deep_stack(function: Callable[[], T]) -> T:
    """Run on a thread with a large stack: xDSL recurses once per nesting level, and
    files nested thousands deep must get an answer, not a crash. Calls from that thread
    run inline; others queue for it (one parse at a time)."""
    if getattr(_on_deep_stack, "active", False):
        return function()
    return _deep_executor().submit(function).result()


def build_document(
    uri: str,
    version: int,
    text: str,
    *,
    cache: ItemCache | None = None,
    ctx: Context | None = None,
) -> IRDocument:
    """Parse, verify and index one text version. Never raises for any input text."""
    builder = _Builder(uri, text, cache, ctx)
    return run_with_deep_stack(lambda: _without_gc(lambda: builder.build(version)))


def _without_gc(function: Callable[[], T]) -> T:
    """Parsing allocates hundreds of thousands of small objects; the cyclic collector
    would rescan the growing heap again and again (about a third of the time on a
    20,000-op function). Nothing built here is garbage until the build ends."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return function()
    finally:
        if was_enabled:
            gc.enable()


class _Builder:
    def __init__(self, uri: str, text: str, cache: ItemCache | None, ctx: Context | None):
        self.uri = uri
        self.text = text
        self.cache = cache
        self.ctx = ctx or shared_context()
        self.lines = LineIndex(text)
        self.filename = uri.removeprefix("file://")
        self.locations = line_col_locations(self.filename, self._line_col)
        self.diagnostics: list[Diagnostic] = []
        self.placed: list[PlacedItem] = []
        self.in_use: set[int] = set()

    def _line_col(self, offset: int) -> tuple[int, int]:
        position = self.lines.position(offset)
        return position.line, position.column

    def build(self, version: int) -> IRDocument:
        chunks = tuple(self._chunk(chunk) for chunk in split_chunks(self.text))
        for placed in self.placed:
            self.diagnostics.extend(d.shifted(placed.base) for d in placed.parsed.diagnostics)
        self.diagnostics.sort(key=sort_key)
        return IRDocument(self.uri, version, self.text, self.lines, chunks,
                          tuple(self.placed), tuple(self.diagnostics))

    # -- one chunk --------------------------------------------------------------------
    def _chunk(self, chunk: Chunk) -> ChunkResult:
        items = split_items(self.text, chunk.start, chunk.end)
        aliases, alias_spans, alias_key = self._aliases(chunk, items)
        op_items = [i for i in items if i.kind == "op"]
        shell = module_shell(self.text, op_items[0]) if len(op_items) == 1 else None
        module: ModuleOp | None
        if shell is not None:
            body = split_items(self.text, shell.header_end, shell.body_end)
            if any(i.kind != "op" or self.text.startswith("%", i.start) for i in body):
                shell = None
        if shell is not None:
            module = self._shell_module(chunk, op_items[0], shell.header_end, aliases)
            op_items = [i for i in body if i.kind == "op"]
        elif any(self.text.startswith("%", i.start) for i in op_items) and len(op_items) > 1:
            # Top-level SSA values link items: parse the chunk as one unit.
            op_items = [Item(op_items[0].start, op_items[-1].end, "op")]
            module = None
        else:
            module = None
        parsed = [self._parse(chunk, item, aliases, alias_key) for item in op_items]
        ops = [p.op for p in parsed if p.op is not None]
        if module is None:
            if len(ops) == 1 and isinstance(ops[0], ModuleOp) and len(parsed) == 1:
                module = ops[0]
                self._detach(module)
            else:
                module = self._new_module(ops)
        else:
            for op in ops:
                self._detach(op)
                module.body.block.add_op(op)
        for item in parsed:
            check_item(item)
        self._symbols(chunk)
        return ChunkResult(chunk, module, tuple(alias_spans))

    def _new_module(self, ops: list[Operation]) -> ModuleOp:
        for op in ops:
            self._detach(op)
        module = ModuleOp(ops)
        return module

    @staticmethod
    def _detach(op: Operation) -> None:
        if op.parent is not None:
            op.detach()

    def _aliases(
        self, chunk: Chunk, items: list[Item]
    ) -> tuple[dict[str, Attribute], list[tuple[str, Span]], str]:
        """Alias definitions first, wherever they stand (MLIR allows trailing #loc)."""
        aliases: dict[str, Attribute] = {}
        spans: list[tuple[str, Span]] = []
        key_parts: list[str] = []
        pending = [i for i in items if i.kind in ("alias", "metadata")]
        for _ in range(len(pending)):
            progress, failures = False, []
            for item in pending:
                result = self._parse_alias(item, aliases)
                if isinstance(result, Diagnostic):
                    failures.append((item, result))
                    continue
                progress = True
                if result is not None:
                    aliases[result[0]] = result[1]
                    spans.append((result[0], result[2]))
                key_parts.append(self.text[item.start : item.end])
            pending = [item for item, _ in failures]
            if not pending or not progress:
                break
        for item in pending:
            outcome = self._parse_alias(item, aliases)
            if isinstance(outcome, Diagnostic):
                self.diagnostics.append(outcome)
        return aliases, spans, "\n".join(key_parts)

    def _parse_alias(
        self, item: Item, aliases: dict[str, Attribute]
    ) -> tuple[str, Attribute, Span] | Diagnostic | None:
        from xdsl.utils.exceptions import ParseError

        parser = SpanRecordingParser(self.ctx, self.text[: item.end], self.filename,
                                     start=item.start, aliases=aliases)
        try:
            if item.kind == "metadata":
                parser._parse_file_metadata_dictionary()
                return None
            name, value = parser.parse_alias_definition()
            if not parser.at_end(item.end):
                token = parser._current_token.span
                return Diagnostic(Span(token.start, token.end), "expected end of alias definition")
            definition = parser.record.alias_defs[-1]
            return name, value, definition.span
        except ParseError as error:
            return Diagnostic(Span(error.span.start, error.span.end), str(error.msg).strip())
        except Exception as error:
            return Diagnostic(Span(item.start, item.start), f"internal error: {error}",
                              category="internal")

    def _shell_module(
        self, chunk: Chunk, item: Item, header_end: int, aliases: dict[str, Attribute]
    ) -> ModuleOp | None:
        header = self.text[item.start : header_end] + "}"
        shell = parse_item(self.ctx, header, self.filename, aliases, None)
        if isinstance(shell.op, ModuleOp):
            shell.op.location = self.locations(item.start)
            self.placed.append(PlacedItem(item.start, chunk.index, "module", shell))
            return shell.op
        self.placed.append(PlacedItem(item.start, chunk.index, "module", shell))
        return ModuleOp([])

    def _parse(
        self, chunk: Chunk, item: Item, aliases: dict[str, Attribute], alias_key: str
    ) -> ParsedItem:
        text = self.text[item.start : item.end]
        base_line = self.lines.position(item.start).line
        key = (alias_key, text)
        parsed = self.cache.get(key) if self.cache is not None else None
        if parsed is not None and id(parsed) in self.in_use:
            parsed = None
        if parsed is not None:
            if parsed.line_base != base_line:
                _restamp(parsed, base_line - parsed.line_base)
        else:
            base = item.start
            parsed = parse_item(self.ctx, text, self.filename, aliases,
                                lambda offset: self.locations(base + offset))
            parsed.line_base = base_line
            if self.cache is not None:
                self.cache.put(key, parsed)
        self.in_use.add(id(parsed))
        self.placed.append(PlacedItem(item.start, chunk.index, "op", parsed))
        return parsed

    def _symbols(self, chunk: Chunk) -> None:
        defs: list[SymbolDef] = []
        uses: list[SymbolUse] = []
        broken: set[str] = set()
        for placed in self.placed:
            if placed.chunk != chunk.index:
                continue
            if placed.parsed.op is None:
                broken.update(_declared_names(placed.parsed.text))
            base = placed.base
            defs.extend(replace(d, span=d.span.shifted(base)) for d in placed.parsed.symbol_defs)
            uses.extend(replace(u, span=u.span.shifted(base)) for u in placed.parsed.symbol_uses)
        self.diagnostics.extend(check_symbols(defs, uses, broken))


_SYMBOL_HEAD = re.compile(r'@("[^"\n]*"|[A-Za-z_$.][\w$.]*)')


def _declared_names(text: str) -> list[str]:
    """Symbols an unparsable item probably defines (first `@name` on its first line), so
    calls to a function with a typo inside are not also reported as undefined."""
    match = _SYMBOL_HEAD.search(text.split("\n", 1)[0])
    return [match.group(1).strip('"')] if match else []


def _restamp(parsed: ParsedItem, delta: int) -> None:
    """Shift the lines of the locations this item's parse stamped."""
    cache: dict[int, IntAttr] = {}
    for index in parsed.stamped:
        op = parsed.record.ops[index].op
        location = op.location
        if isinstance(location, FileLineColLoc):
            line = location.line.data + delta
            attr = cache.get(line) or cache.setdefault(line, IntAttr(line))
            op.location = FileLineColLoc.new((location.filename, attr, location.column))
    parsed.line_base += delta
