"""Completion from the text before the cursor and the last good parse of the item.

Contexts: `%` (values that dominate the cursor, nearest first), `^` (blocks of the
enclosing region), `@` (symbols of the chunk), `dialect.` (its ops, with their
documentation), the start of an op (dialect names and `func` ops; at the top level of a
file or module the ops that start one, `builtin.module`, `func.func`, `llvm.func`, ...),
a type position (builtin types and `!` aliases), `#` (attribute aliases and builtin
attributes), and keywords after a symbol op's name. Large scopes are capped (`LIMIT`)
and marked incomplete, so a 20,000-value function answers small and fast; the client
asks again as the user types more.

In a function that has never parsed (a file opened mid-edit) `%` is answered by the
syntactic tier (`lexical.visible_values`): the definitions above the cursor in the
regions still open there.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from operator import attrgetter

from xdsl.ir import Block, BlockArgument

from ir_studio.document import IRDocument, PlacedItem
from ir_studio.ide.lexical import at_top_level, visible_values

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
FILE_START_OPS = (
    "builtin.module",
    "func.func",
    "llvm.func",
    "llvm.mlir.global",
    "gpu.module",
    "memref.global",
    "ml_program.global",
    "transform.named_sequence",
    "irdl.dialect",
    "pdl.pattern",
    "emitc.func",
)


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
    sigil = before[-1:]
    if sigil and sigil in "%^@#!":
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
    Definitions are recorded in text order (up to region-holding ops, whose results
    follow their regions), so walking them backwards meets the nearest first and can
    stop once it holds twice `LIMIT`: a 20,000-value function costs what its last few
    hundred values cost. Details are built for the nearest `LIMIT`."""
    from ir_studio.verify import op_display_name

    relative = offset - item.base
    enclosing_blocks = _enclosing_blocks(item, relative)
    candidates = []
    truncated = False
    for definition in reversed(item.parsed.record.value_defs):
        if definition.span.start >= relative:
            continue
        if prefix and not definition.name.startswith(prefix, 1):
            continue
        owner = definition.value.owner
        block = owner if isinstance(owner, Block) else owner.parent
        if block is None or id(block) not in enclosing_blocks:
            continue
        candidates.append(definition)
        if len(candidates) >= 2 * LIMIT:
            truncated = True
            break
    candidates.sort(key=_START, reverse=True)  # nearest definitions first
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
    return CompletionResult(items, incomplete=truncated or len(candidates) > LIMIT)


_START = attrgetter("span.start")


def _enclosing_blocks(item: PlacedItem, relative: int) -> set[int]:
    """Blocks whose values dominate the cursor: for each region around the cursor, its
    entry block and the block the cursor is in (the last label before it)."""
    record = item.parsed.record
    blocks: set[int] = set()
    from ir_studio.index import containing_ops

    around = containing_ops(item.parsed, relative)  # O(log n + depth), not a scan
    for op_record in around:
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


def _dialects(prefix: str, top_level: bool = False) -> CompletionResult:
    from ir_studio.context import shared_context

    ctx = shared_context()
    names = sorted(ctx.registered_dialect_names)
    items = []
    if top_level:
        for name in FILE_START_OPS:
            op = ctx.get_optional_op(name)
            if op is not None and name.startswith(prefix):
                doc = inspect.cleandoc(op.__doc__) if op.__doc__ else ""
                items.append(Completion(name, "operation", "starts a file", doc))
    items += [Completion(n, "dialect", "dialect") for n in names if n.startswith(prefix)]
    if not top_level:
        for op_name in ("func.func", "func.return", "func.call"):
            if op_name.startswith(prefix):
                items.append(Completion(op_name, "operation", "operation"))
    return CompletionResult(items)


_RESULT_OF = re.compile(r'[^=\n]*=\s*"?([A-Za-z_][\w$]*(?:\.[\w$]+)+)"?')
_ARG_TYPE = re.compile(r"\s*:\s*([^,)\n]+)")
_FUNCTION_TYPE_END = re.compile(r":\s*\([^()]*\)\s*->\s*\(?([^():=\n]+?)\)?\s*(?://[^\n]*)?$")


def _result_type(rest: str) -> str | None:
    """The result type when the line spells it for sure (`: (i32) -> (i32)`); a plain
    trailing `: f32` is often an operand type (`arith.cmpf ... : f32` gives an `i1`)."""
    found = _FUNCTION_TYPE_END.search(rest)
    return found.group(1).strip() if found else None


def _lexical_values(text: str, offset: int, prefix: str) -> CompletionResult:
    """Values for a function with no parse, read off the text; details are what the
    line says (the defining op, and the result type of a generic-form op, or an
    argument's type)."""
    tokens, complete_list = visible_values(text, offset, prefix, LIMIT)
    items = []
    for token in tokens:
        line_end = text.find("\n", token.span.end)
        rest = text[token.span.end : line_end if line_end >= 0 else len(text)]
        op = _RESULT_OF.match(rest)
        if op is not None:
            spelled = _result_type(rest)
            detail = op.group(1) + (f": {spelled}" if spelled else "")
        else:
            arg = _ARG_TYPE.match(rest)
            detail = f"argument: {arg.group(1).strip()}" if arg else "argument"
        items.append(Completion(token.name, "value", detail, insert=token.name[1:]))
    return CompletionResult(items, incomplete=not complete_list)


def _aliases(document: IRDocument, sigil: str, prefix: str) -> list[Completion]:
    return [
        Completion(name, "type" if sigil == "!" else "attribute", "alias", insert=name[1:])
        for chunk in document.chunks
        for name, _ in chunk.aliases
        if name.startswith(sigil + prefix)
    ]


def complete(document: IRDocument | None, text: str, offset: int) -> CompletionResult:
    """`document` is the last good parse (None before any build); `text`/`offset` the
    current text and cursor."""
    line_start = text.rfind("\n", 0, offset) + 1
    trigger, prefix = _context(text[line_start:offset])
    item = document.item_at(offset) if document is not None else None
    if trigger == "%":
        if item is None or item.parsed.op is None:
            return _lexical_values(text, offset, prefix)
        return _values(item, offset, prefix)
    if trigger == "op":
        return _dialects(prefix, top_level=at_top_level(text, offset))
    if trigger == "dialect.":
        return _dialect_ops(prefix.split(".", 1)[0], prefix)
    if document is None:
        return CompletionResult([])
    if trigger == "^":
        return _blocks(item, prefix) if item is not None else CompletionResult([])
    if trigger == "@":
        chunk = next(
            (c.chunk.index for c in document.chunks if c.chunk.start <= offset <= c.chunk.end), 0
        )
        return _symbols(document, chunk, prefix)
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
