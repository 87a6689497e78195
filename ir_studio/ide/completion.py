"""Completion from the text before the cursor and the last good parse of the item.

Contexts: `%` (values that dominate the cursor, nearest first), `^` (blocks of the
enclosing region), `@` (symbols of the chunk), `dialect.` (its ops, with their
documentation), the start of an op (dialect names and `func` ops), a type position
(builtin types and `!` aliases), `#` (attribute aliases and builtin attributes), and
keywords after a symbol op's name. Large scopes are capped (`LIMIT`) and marked
incomplete, so a 20,000-value function answers small and fast; the client asks again
as the user types more.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

from xdsl.ir import Block, BlockArgument

from ir_studio.document import IRDocument, PlacedItem

LIMIT = 200

BUILTIN_TYPES = (
    "i1",
    "i8",
    "i16",
    "i32",
    "i64",
    "index",
    "f16",
    "bf16",
    "f32",
    "f64",
    "none",
    "tensor<",
    "memref<",
    "vector<",
    "complex<",
    "tuple<",
)
BUILTIN_ATTRIBUTES = (
    "affine_map<",
    "affine_set<",
    "array<",
    "dense<",
    "dense_resource<",
    "false",
    "true",
    "unit",
    "loc(",
    "sparse<",
    "strided<",
)
KEYWORDS = ("public", "private", "nested")


@dataclass(frozen=True)
class Completion:
    label: str
    kind: str  # value, block, symbol, dialect, operation, type, attribute, keyword
    detail: str = ""
    documentation: str = ""
    insert: str | None = None


@dataclass(frozen=True)
class CompletionResult:
    items: list[Completion]
    incomplete: bool = False


_WORD = re.compile(r"[\w$.\-]*$")


def _context(line: str) -> tuple[str, str]:
    """(trigger, typed prefix) from the line up to the cursor."""
    word = _WORD.search(line)
    prefix = word.group(0) if word else ""
    before = line[: len(line) - len(prefix)]
    sigil = before[-1:] if before else ""
    if sigil in "%^@#!":
        return sigil, prefix
    if "." in prefix and re.fullmatch(r"[A-Za-z_][\w$]*\.[\w$.]*", prefix) and _at_op_start(before):
        return "dialect.", prefix
    if _at_op_start(before):
        return "op", prefix
    if re.search(r"(:|->|<|,|\()\s*$", before) and ":" in before:
        return "type", prefix
    if re.search(r"@[\w$.\"]+\s*$", before) or re.search(r"^\s*[\w.]+\s+$", before):
        return "keyword", prefix
    return "", prefix


def _at_op_start(before: str) -> bool:
    return re.fullmatch(r"\s*(%[\w$.\-#:, %]*=\s*)?\"?", before) is not None


def _values(item: PlacedItem, offset: int, prefix: str) -> CompletionResult:
    """Values whose definition comes before the cursor and whose block encloses it
    (or is the entry block of an enclosing region, which dominates all its blocks).
    Candidates are filtered cheaply first; details are built for the nearest `LIMIT`."""
    from ir_studio.verify import op_display_name

    relative = offset - item.base
    enclosing_blocks = _enclosing_blocks(item, relative)
    candidates = []
    for definition in item.parsed.record.value_defs:
        if definition.span.start >= relative or not definition.name[1:].startswith(prefix):
            continue
        value = definition.value
        owner = value.owner
        block = owner if isinstance(owner, Block) else owner.parent
        if block is None or id(block) not in enclosing_blocks:
            continue
        candidates.append(definition)
    candidates.sort(key=lambda d: -d.span.start)  # nearest definitions first
    type_names: dict[int, str] = {}
    items = []
    for definition in candidates[:LIMIT]:
        value = definition.value
        name = definition.name
        if definition.group_size > 1:
            name = f"{name}#{definition.group_index}"
        type_name = type_names.get(id(value.type))
        if type_name is None:
            type_name = type_names[id(value.type)] = str(value.type)
        if isinstance(value, BlockArgument):
            detail = f"arg #{value.index}: {type_name}"
        else:
            detail = f"{op_display_name(value.owner)}: {type_name}"
        items.append(Completion(name, "value", detail, insert=name[1:]))
    return CompletionResult(items, incomplete=len(candidates) > LIMIT)


def _enclosing_blocks(item: PlacedItem, relative: int) -> set[int]:
    """Blocks whose values dominate the cursor: for each region around the cursor, its
    entry block and the block the cursor is in (the last label before it)."""
    record = item.parsed.record
    blocks: set[int] = set()
    for op_record in record.ops:
        if not op_record.op.regions or not op_record.span.start <= relative <= op_record.span.end:
            continue
        for region in op_record.op.regions:
            first = region.blocks.first
            if first is None:
                continue
            blocks.add(id(first))
            labels = [
                (ref.span.start, ref.block)
                for ref in record.block_defs
                if ref.block.parent is region and ref.span.start <= relative
            ]
            if labels:
                blocks.add(id(max(labels, key=lambda pair: pair[0])[1]))
    return blocks


def _blocks(item: PlacedItem, prefix: str) -> CompletionResult:
    names = sorted(
        {item.parsed.text[r.span.start : r.span.end] for r in item.parsed.record.block_defs}
    )
    return CompletionResult(
        [Completion(n, "block", insert=n[1:]) for n in names if n[1:].startswith(prefix)]
    )


def _symbols(document: IRDocument, chunk: int, prefix: str) -> CompletionResult:
    items = []
    for placed in document.items:
        if placed.chunk != chunk:
            continue
        for definition in placed.parsed.symbol_defs:
            if definition.name.startswith(prefix):
                from ir_studio.verify import op_display_name

                items.append(
                    Completion(
                        "@" + definition.name,
                        "symbol",
                        op_display_name(definition.op),
                        insert=definition.name,
                    )
                )
    return CompletionResult(items[:LIMIT], incomplete=len(items) > LIMIT)


def _dialect_ops(dialect: str, prefix: str) -> CompletionResult:
    from ir_studio.context import shared_context

    ctx = shared_context()
    loaded = ctx.get_optional_dialect(dialect)
    if loaded is None:
        return CompletionResult([])
    items = []
    for op in loaded.operations:
        short = op.name.split(".", 1)[1]
        if not op.name.startswith(prefix):
            continue
        doc = inspect.cleandoc(op.__doc__) if op.__doc__ else ""
        items.append(Completion(op.name, "operation", "operation", doc, insert=short))
    return CompletionResult(items)


def _dialects(prefix: str) -> CompletionResult:
    from ir_studio.context import shared_context

    names = sorted(shared_context().registered_dialect_names)
    items = [Completion(n, "dialect", "dialect") for n in names if n.startswith(prefix)]
    for op in ("func.func", "func.return", "func.call"):
        if op.startswith(prefix):
            items.append(Completion(op, "operation", "operation"))
    return CompletionResult(items)


def _aliases(document: IRDocument, sigil: str, prefix: str) -> list[Completion]:
    return [
        Completion(name, "type" if sigil == "!" else "attribute", "alias", insert=name[1:])
        for chunk in document.chunks
        for name, _ in chunk.aliases
        if name.startswith(sigil + prefix)
    ]


def complete(document: IRDocument, text: str, offset: int) -> CompletionResult:
    """`document` is the last good parse; `text`/`offset` the current text and cursor."""
    line_start = text.rfind("\n", 0, offset) + 1
    trigger, prefix = _context(text[line_start:offset])
    item = document.item_at(offset)
    if trigger == "%":
        return _values(item, offset, prefix) if item is not None else CompletionResult([])
    if trigger == "^":
        return _blocks(item, prefix) if item is not None else CompletionResult([])
    if trigger == "@":
        chunk = next(
            (c.chunk.index for c in document.chunks if c.chunk.start <= offset <= c.chunk.end), 0
        )
        return _symbols(document, chunk, prefix)
    if trigger == "dialect.":
        return _dialect_ops(prefix.split(".", 1)[0], prefix)
    if trigger == "op":
        return _dialects(prefix)
    if trigger == "!":
        builtin = [
            Completion("!" + d, "type", "dialect type") for d in ("llvm.ptr", "llvm.struct<")
        ]
        return CompletionResult(_aliases(document, "!", prefix) + builtin)
    if trigger == "#":
        return CompletionResult(_aliases(document, "#", prefix))
    if trigger == "type":
        types = [
            Completion(t, "type", "builtin type") for t in BUILTIN_TYPES if t.startswith(prefix)
        ]
        attrs = [
            Completion(a, "attribute", "builtin attribute")
            for a in BUILTIN_ATTRIBUTES
            if a.startswith(prefix)
        ]
        return CompletionResult(types + attrs + _aliases(document, "!", prefix))
    if trigger == "keyword":
        return CompletionResult(
            [Completion(k, "keyword", "optional") for k in KEYWORDS if k.startswith(prefix)]
        )
    return CompletionResult([])
