"""Checking one file's top-level items in two processes at once.

A file of many top-level ops is checked item by item, and items build independently:
only the symbol checks (redefinitions, calls and their signatures) look across them.
So the file is cut at a line: this process checks the items that start before the
cut, a worker process (`ir_studio.slice_worker`) the rest, at the same time on the
other core. The worker returns plain data only: its items' diagnostics and the facts
the symbol checks read (`symbols.SymbolFacts`: names, spans, op names, signatures and
operand types as xDSL attributes). `merge` joins both halves and runs the one symbol
check over all of it, giving exactly the diagnostics `build_document` gives for the
same text (`tests/core/test_parallel_build.py` compares them).

What is not sent back are the worker's xDSL objects: the language server builds those
in its own process afterwards, from its item cache (this process's half is a cache hit
then), for navigation and the incremental path; the diagnostics do not wait for it.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from ir_studio.deep_stack import run_with_deep_stack, without_gc
from ir_studio.diagnostics import Diagnostic, sort_key
from ir_studio.document import PlacedItem, Progress, _Builder, chunk_symbol_facts
from ir_studio.item_cache import ItemCache
from ir_studio.items import Item, module_shell, split_items
from ir_studio.llvm_symbol_checks import LLVM_SYMBOL_USERS
from ir_studio.source import Chunk, split_chunks
from ir_studio.symbols import SymbolFacts, check_symbol_facts

SPLIT_MIN_CHARS = 60_000
"""Smaller files are checked in one process: below this (about 40 ms of checking) the
hand-over costs about what the second core saves."""

WORKER_SHARE = 0.5
"""The part of the text, from its end, whose items the worker checks."""


@dataclass(frozen=True, slots=True)
class ChunkSymbols:
    """The symbol facts of one slice's items in one `// -----` chunk, in item order."""

    defs: tuple[SymbolFacts, ...]
    uses: tuple[SymbolFacts, ...]
    broken: frozenset[str]
    """Symbols the slice's unparsable items probably define (`symbols.declared_names`)."""


@dataclass(frozen=True)
class SliceResult:
    """What one process found in its items: plain data, it crosses the process line."""

    chunk_diagnostics: dict[int, tuple[Diagnostic, ...]]
    """Per chunk, the diagnostics that are not an item's (alias definitions); only the
    first slice reports them."""
    item_diagnostics: tuple[Diagnostic, ...]
    """The slice's items' diagnostics, at their places in the file, in item order."""
    symbols: dict[int, ChunkSymbols] = field(default_factory=dict)
    items: int = 0
    """How many top-level ops this slice checked."""


_READ_OPS = ("gpu.launch_func", "comdat", *LLVM_SYMBOL_USERS)
"""Ops whose checks across items read the ops themselves, not plain facts: a file with
any of them is checked in one process."""


def plan_cut(text: str) -> int | None:
    """The offset from which the worker takes the items, or None: check in one process.
    The start of the top-level op nearest to the share's line, found by the same split
    the build makes (one function, however large, is one item: nothing to share)."""
    if len(text) < SPLIT_MIN_CHARS or any(name in text for name in _READ_OPS):
        return None
    starts: list[int] = []
    for chunk in split_chunks(text):
        items = [i for i in split_items(text, chunk.start, chunk.end) if i.kind == "op"]
        shell = module_shell(text, items[0]) if len(items) == 1 else None
        if shell is not None:
            items = [i for i in split_items(text, shell.header_end, shell.body_end)
                     if i.kind == "op"]
        starts.extend(i.start for i in items)
    if len(starts) < 2:
        return None
    target = len(text) * (1 - WORKER_SHARE)
    return min(starts[1:], key=lambda start: abs(start - target))


class _SliceBuilder(_Builder):
    """A document build that checks only the items on its side of the cut and, instead
    of checking symbols per chunk, keeps the facts for `merge`."""

    def __init__(self, uri: str, text: str, cache: ItemCache, cut: int, first: bool) -> None:
        super().__init__(uri, text, cache, None)
        self.cut = cut
        self.first = first
        self.process: Hashable = "first" if first else "second"
        self.symbols: dict[int, ChunkSymbols] = {}
        self.chunk_diagnostics: dict[int, tuple[Diagnostic, ...]] = {}
        self._reported = 0

    def _wanted(self, item: Item) -> bool:
        return (item.start < self.cut) == self.first

    def _symbols(self, chunk: Chunk) -> None:
        # the chunk's alias diagnostics are the ones added since the last chunk
        self.chunk_diagnostics[chunk.index] = tuple(self.diagnostics[self._reported:])
        self._reported = len(self.diagnostics)
        self.symbols[chunk.index] = ChunkSymbols(*chunk_symbol_facts(
            self._own(), chunk.index, self.process, keep_op=self.first))

    def _own(self) -> list[PlacedItem]:
        """The placed items this slice answers for: a chunk's `module { ... }` header is
        parsed on both sides (items are verified inside it) but reported by the first."""
        return [p for p in self.placed if self.first or p.kind != "module"]

    def run(self) -> SliceResult:
        for chunk in split_chunks(self.text):
            self._chunk(chunk)
        own = self._own()
        found = tuple(d.shifted(p.base) for p in own for d in p.parsed.diagnostics)
        return SliceResult(
            self.chunk_diagnostics if self.first else {},
            found,
            self.symbols,
            sum(p.kind == "op" for p in own),
        )


def check_slice(uri: str, text: str, cut: int, first: bool, *, cache: ItemCache | None = None,
                progress: Progress | None = None) -> SliceResult:
    """Check the items before `cut` (`first`) or from `cut` on; with `cache`, the parsed
    items stay there for the full build that follows."""
    builder = _SliceBuilder(uri, text, cache if cache is not None else ItemCache(), cut, first)
    builder.progress = progress
    return run_with_deep_stack(lambda: without_gc(builder.run))


def merge(first: SliceResult, second: SliceResult) -> tuple[Diagnostic, ...]:
    """The file's complete diagnostics, in the order `build_document` gives them."""
    found: list[Diagnostic] = []
    for chunk in sorted(first.symbols.keys() | second.symbols.keys()):
        found.extend(first.chunk_diagnostics.get(chunk, ()))
        empty = ChunkSymbols((), (), frozenset())
        mine, theirs = first.symbols.get(chunk, empty), second.symbols.get(chunk, empty)
        found.extend(check_symbol_facts(mine.defs + theirs.defs, mine.uses + theirs.uses,
                                         set(mine.broken | theirs.broken)))
    found.extend(first.item_diagnostics)
    found.extend(second.item_diagnostics)
    found.sort(key=sort_key)
    return tuple(found)
