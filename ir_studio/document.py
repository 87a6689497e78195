"""`IRDocument`: the immutable snapshot of one text version that every front end reads.

`build_document(uri, version, text)` splits `// -----` chunks, splits each chunk into
top-level items, parses items independently (one broken function never hides the
others), verifies them, checks dominance and symbols, and assembles one module per
chunk. With an `ItemCache` unchanged items are reused and an item an edit touched is
patched from its previous version where the edit allows it (`ir_studio.incremental`),
which is what makes re-checks after an edit cheap.

Ownership: nothing reachable from a snapshot changes after it is built. Without a
cache (CLI, TUI) the items' ops are assembled into the chunks' modules. With a cache
(the language server) items are shared between versions, so each keeps its op in a
private module and a snapshot's modules are built on first use by a fresh parse of its
text; passes always run on a copy (`IRDocument.clone_module`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Attribute, Operation

from ir_studio.context import shared_context
from ir_studio.deep_stack import run_with_deep_stack, without_gc
from ir_studio.diagnostics import Diagnostic, sort_key
from ir_studio.frontends.mlir_parser import (
    LocationFactory,
    SpanRecordingParser,
    line_col_locations,
)
from ir_studio.item_cache import ItemCache
from ir_studio.items import Item, module_shell, split_items
from ir_studio.parse_item import ParsedItem, parse_item
from ir_studio.source import Chunk, LineIndex, Span, split_chunks
from ir_studio.symbols import (
    SymbolFacts,
    check_symbol_facts,
    declared_names,
    definition_facts,
    use_facts,
)

__all__ = ["ChunkResult", "IRDocument", "ItemCache", "PlacedItem", "build_document",
           "run_with_deep_stack"]

PATCH_MIN_CHARS = 4_000
"""Items shorter than this are re-parsed whole after an edit (it takes a few ms)."""


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


class _FreshModules:
    """The modules of a snapshot whose items are shared with other versions: built on
    first use by parsing the snapshot's text again, so no shared op ever moves."""

    def __init__(self, uri: str, text: str, ctx: Context | None) -> None:
        self._args = (uri, text, ctx)
        self._lock = threading.Lock()
        self._modules: list[ModuleOp | None] | None = None

    def fresh(self) -> list[ModuleOp | None]:
        """A new parse each call: the caller owns the result."""
        uri, text, ctx = self._args
        document = build_document(uri, 0, text, ctx=ctx)
        return [chunk.module for chunk in document.chunks]

    def get(self, index: int) -> ModuleOp | None:
        with self._lock:
            if self._modules is None:
                self._modules = self.fresh()
        return self._modules[index] if index < len(self._modules) else None


class ChunkResult:
    """One `// -----` chunk: its module (built lazily for shared items) and aliases."""

    __slots__ = ("_lazy", "_module", "aliases", "chunk")

    def __init__(self, chunk: Chunk, module: ModuleOp | None,
                 aliases: tuple[tuple[str, Span], ...], lazy: _FreshModules | None = None):
        self.chunk = chunk
        self.aliases = aliases
        self._module = module
        self._lazy = lazy

    @property
    def module(self) -> ModuleOp | None:
        if self._lazy is not None:
            return self._lazy.get(self.chunk.index)
        return self._module


@dataclass(frozen=True)
class IRDocument:
    uri: str
    version: int
    text: str
    lines: LineIndex
    chunks: tuple[ChunkResult, ...]
    items: tuple[PlacedItem, ...]
    diagnostics: tuple[Diagnostic, ...]
    lazy: _FreshModules | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return not any(d.severity == 1 for d in self.diagnostics)

    def modules(self) -> list[ModuleOp]:
        return [m for m in (c.module for c in self.chunks) if m is not None]

    def clone_module(self, chunk: int = 0) -> ModuleOp | None:
        """A private copy for passes to mutate."""
        if chunk >= len(self.chunks):
            return None
        if self.lazy is not None:
            modules = self.lazy.fresh()
            return modules[chunk] if chunk < len(modules) else None
        module = self.chunks[chunk].module
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


Progress = Callable[[tuple[Diagnostic, ...], int, int], None]
"""Called during a long build with the diagnostics of the items done so far (sorted),
how many top-level ops are done and how many there are in the chunks seen so far."""


def build_document(
    uri: str,
    version: int,
    text: str,
    *,
    cache: ItemCache | None = None,
    ctx: Context | None = None,
    progress: Progress | None = None,
) -> IRDocument:
    """Parse, verify and index one text version. Never raises for any input text."""
    builder = _Builder(uri, text, cache, ctx)
    builder.progress = progress
    return run_with_deep_stack(lambda: without_gc(lambda: builder.build(version)))


PROGRESS_AFTER = 0.25
"""Seconds a build runs before it reports progress, and between two reports."""


class _Builder:
    def __init__(self, uri: str, text: str, cache: ItemCache | None, ctx: Context | None):
        self.uri = uri
        self.text = text
        self.cache = cache
        self.given_ctx = ctx
        self.ctx = ctx or shared_context()
        self.filename = uri.removeprefix("file://")
        # Shared items cannot carry file positions (the same item sits at other lines in
        # other versions): only an uncached build stamps `FileLineColLoc`s on its ops.
        self.locations = None if cache is not None else line_col_locations(
            self.filename, self._line_col)
        self.lazy = _FreshModules(uri, text, ctx) if cache is not None else None
        self.diagnostics: list[Diagnostic] = []
        self.placed: list[PlacedItem] = []
        self.in_use: set[int] = set()
        self.remembered: dict[tuple[int, int], tuple[str, ParsedItem]] = {}
        self.progress: Progress | None = None
        self._last_report = time.perf_counter()
        self._total = 0

    @cached_property
    def lines(self) -> LineIndex:
        """On first use: a build that only checks a slice never needs it."""
        return LineIndex(self.text)

    def _line_col(self, offset: int) -> tuple[int, int]:
        position = self.lines.position(offset)
        return position.line, position.column

    def build(self, version: int) -> IRDocument:
        chunks = tuple(self._chunk(chunk) for chunk in split_chunks(self.text))
        for placed in self.placed:
            self.diagnostics.extend(d.shifted(placed.base) for d in placed.parsed.diagnostics)
        self.diagnostics.sort(key=sort_key)
        if self.cache is not None:
            self.cache.remember(self.remembered)
        return IRDocument(self.uri, version, self.text, self.lines, chunks,
                          tuple(self.placed), tuple(self.diagnostics), self.lazy)

    # -- one chunk --------------------------------------------------------------------
    def _chunk(self, chunk: Chunk) -> ChunkResult:
        items = split_items(self.text, chunk.start, chunk.end)
        aliases, alias_spans, alias_key = self._aliases(chunk, items)
        op_items = [i for i in items if i.kind == "op"]
        shell = module_shell(self.text, op_items[0]) if len(op_items) == 1 else None
        shell_op: ModuleOp | None = None
        if shell is not None:
            body = split_items(self.text, shell.header_end, shell.body_end)
            if any(i.kind != "op" or self.text.startswith("%", i.start) for i in body):
                shell = None
        environment = alias_key
        if shell is not None:
            shell_op = self._shell_module(chunk, op_items[0], shell.header_end, aliases)
            # Items are verified inside a copy of this header: it is part of their key.
            environment = alias_key + "\n" + self.text[op_items[0].start : shell.header_end]
            op_items = [i for i in body if i.kind == "op"]
        elif any(self.text.startswith("%", i.start) for i in op_items) and len(op_items) > 1:
            # Top-level SSA values link items: parse the chunk as one unit.
            op_items = [Item(op_items[0].start, op_items[-1].end, "op")]
        self._total += len(op_items)
        parsed = []
        for item in op_items:
            if not self._wanted(item):
                continue
            parsed.append(self._parse(chunk, item, aliases, environment, shell_op))
            if self.progress is not None:
                self._report()
        self._symbols(chunk)
        if self.lazy is not None:
            return ChunkResult(chunk, None, tuple(alias_spans), self.lazy)
        # Uncached: nobody else holds these items, so their ops may move into the module.
        ops = [p.op for p in parsed if p.op is not None]
        module: ModuleOp
        if shell_op is not None:
            module = shell_op
            for op in ops:
                _detach(op)
                module.body.block.add_op(op)
        elif len(ops) == 1 and isinstance(ops[0], ModuleOp) and len(parsed) == 1:
            module = ops[0]
            _detach(module)
        else:
            for op in ops:
                _detach(op)
            module = ModuleOp(ops)
        return ChunkResult(chunk, module, tuple(alias_spans))

    def _wanted(self, item: Item) -> bool:
        """Whether this build checks `item` (`ir_studio.parallel_build` checks the
        items of one file in two processes, each its own slice)."""
        return True

    def _report(self) -> None:
        """Hand out what is known so far, at most every PROGRESS_AFTER seconds."""
        now = time.perf_counter()
        if now - self._last_report < PROGRESS_AFTER:
            return
        self._last_report = now
        found = list(self.diagnostics)
        done = 0
        for placed in self.placed:
            found.extend(d.shifted(placed.base) for d in placed.parsed.diagnostics)
            done += placed.kind == "op"
        assert self.progress is not None
        self.progress(tuple(sorted(found, key=sort_key)), done, self._total)

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
    ) -> ModuleOp:
        header = self.text[item.start : header_end] + "}"
        start = item.start
        shell = parse_item(self.ctx, header, self.filename, aliases,
                           self._located(start), check=False)
        self.placed.append(PlacedItem(item.start, chunk.index, "module", shell))
        return shell.op if isinstance(shell.op, ModuleOp) else ModuleOp([])

    def _located(self, base: int) -> LocationFactory | None:
        locations = self.locations
        if locations is None:
            return None
        return lambda offset: locations(base + offset)

    def _parse(
        self, chunk: Chunk, item: Item, aliases: dict[str, Attribute], environment: str,
        shell: ModuleOp | None,
    ) -> ParsedItem:
        text = self.text[item.start : item.end]
        cache = self.cache
        key = (environment, text)
        parsed = cache.get(key) if cache is not None else None
        if parsed is not None and id(parsed) in self.in_use:
            parsed = None  # the same text twice: two items, two definitions
        if parsed is None:
            parsed = self._patched(chunk, item, text, aliases, environment, shell)
        if parsed is None:
            parsed = parse_item(self.ctx, text, self.filename, aliases, self._located(item.start),
                                shell=shell)
        if cache is not None:
            cache.put(key, parsed)
            self.remembered[(chunk.index, item.start)] = (environment, parsed)
        self.in_use.add(id(parsed))
        self.placed.append(PlacedItem(item.start, chunk.index, "op", parsed))
        return parsed

    def _patched(self, chunk: Chunk, item: Item, text: str, aliases: dict[str, Attribute],
                 environment: str, shell: ModuleOp | None) -> ParsedItem | None:
        """The previous version of this item, patched where the edit was (or None)."""
        if self.cache is None or len(text) < PATCH_MIN_CHARS:
            return None
        previous = self.cache.previous(chunk.index, item.start, environment)
        if previous is None or id(previous) in self.in_use:
            return None
        from ir_studio.incremental import patch_item

        return patch_item(previous, text, self.ctx, aliases, self.filename)

    def _symbols(self, chunk: Chunk) -> None:
        defs, uses, broken = chunk_symbol_facts(self.placed, chunk.index)
        self.diagnostics.extend(check_symbol_facts(defs, uses, set(broken)))


def chunk_symbol_facts(placed_items: Iterable[PlacedItem], chunk: int, process: Hashable = None,
                       keep_op: bool = True,
                       ) -> tuple[tuple[SymbolFacts, ...], tuple[SymbolFacts, ...], frozenset[str]]:
    """The symbol definitions and uses of one chunk's items, at their places in the file,
    and the names declared by items that failed to parse (their uses are not reported):
    what the symbol check of a whole build, or of a slice of one, reads."""
    defs: list[SymbolFacts] = []
    uses: list[SymbolFacts] = []
    broken: set[str] = set()
    for placed in placed_items:
        if placed.chunk != chunk:
            continue
        if placed.parsed.op is None:
            broken.update(declared_names(placed.parsed.text))
        base = placed.base
        defs.extend(definition_facts(d, base, process, keep_op)
                    for d in placed.parsed.symbol_defs)
        uses.extend(use_facts(u, base, process, keep_op) for u in placed.parsed.symbol_uses)
    return tuple(defs), tuple(uses), frozenset(broken)


def _detach(op: Operation) -> None:
    if op.parent is not None:
        op.detach()
