"""Hover: what is under the cursor, in Markdown, with the span it describes.

Ops show their dialect's documentation (the op class's docstring), their operands and
results by the names the op definition gives them (`lhs`, `rhs`, `result`), each with
its type and the definition's constraint, and the generic form; values their type,
defining op and number of uses; blocks their arguments, predecessors and successors;
symbols the signature of the defining op; aliases their expansion.
"""

from __future__ import annotations

import inspect
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from operator import attrgetter

from xdsl.dialects.builtin import FunctionType
from xdsl.ir import Block, BlockArgument, Operation, OpResult, SSAValue
from xdsl.irdl import VarConstraint

from ir_studio.document import IRDocument
from ir_studio.ide.generic_form import generic_head
from ir_studio.ide.signature_help import describe
from ir_studio.index import DocumentIndex, Occurrence
from ir_studio.source import Span
from ir_studio.verify import op_display_name


@dataclass(frozen=True)
class HoverInfo:
    markdown: str
    span: Span


def _code(text: str) -> str:
    return f"```mlir\n{text}\n```"


def _doc(op: Operation) -> str:
    """The op class's own docstring, or the nearest one in its dialect's class hierarchy
    (xDSL documents many ops on a shared base class); never the framework's."""
    for cls in type(op).__mro__:
        module = cls.__module__
        if module.startswith(("xdsl.irdl", "xdsl.ir")) or cls is object:
            break
        if cls.__dict__.get("__doc__"):
            return inspect.cleandoc(cls.__dict__["__doc__"])
    return ""


def _types(values: Iterable[SSAValue]) -> str:
    return ", ".join(f"`{v.type}`" for v in values) or "none"


_ALTERNATIVES = 6


def _constraint(constr: object) -> str:
    """`describe`, with the shared type variable said first and long unions cut short."""
    while type(constr).__name__ in ("RangeLengthConstraint", "RangeOf", "SingleOf"):
        inner = getattr(constr, "constraint", None) or getattr(constr, "constr", None)
        if inner is None:
            break
        constr = inner
    if isinstance(constr, VarConstraint):
        return f"{_constraint(constr.constraint)}; same type as every `{constr.name}`"
    alternatives = getattr(constr, "attr_constrs", None)
    if type(constr).__name__ == "AnyOf" and alternatives and len(alternatives) > _ALTERNATIVES:
        shown = " | ".join(describe(c) for c in alternatives[:_ALTERNATIVES])
        return f"{shown} | ... ({len(alternatives)} kinds)"
    return describe(constr)


@lru_cache(maxsize=1024)
def _definition(cls: type[Operation]) -> tuple[list[tuple[str, str, str]], ...] | None:
    """(name, arity, constraint) of each operand and result the op class declares."""
    get = getattr(cls, "get_irdl_definition", None)
    if get is None:
        return None
    try:
        definition = get()
    except Exception:  # an op class whose definition cannot be built: plain types then
        return None
    out = []
    for entries in (definition.operands, definition.results):
        rows = []
        for name, entry in entries:
            kind = type(entry).__name__
            arity = {"Var": "variadic", "Opt": "optional"}.get(kind[:3], "")
            rows.append((name, arity, _constraint(entry.constr)))
        out.append(rows)
    return tuple(out)


def _named(
    op: Operation, rows: list[tuple[str, str, str]], values: Sequence[SSAValue]
) -> str | None:
    """One line per declared operand/result with the values the op has there."""
    lines = []
    seen = 0
    for name, arity, constraint in rows:
        try:
            got = getattr(op, name)
        except Exception:
            return None
        group = list(got) if isinstance(got, (tuple, list)) else [] if got is None else [got]
        if not all(isinstance(v, SSAValue) for v in group):
            return None  # a Python attribute of the same name, not the operand
        seen += len(group)
        typed = ", ".join(f"`{v.type}`" for v in group) or "none"
        label = f"`{name}`" + (f" ({arity})" if arity else "")
        lines.append(f"- {label}: {typed} — {constraint}")
    if seen != len(values):
        return None  # the accessors do not account for every value: do not guess
    return "\n".join(lines) if lines else "none"


def _block(rows: str) -> str:
    return " none" if rows == "none" else "\n" + rows


def _operands_and_results(op: Operation) -> str:
    definition = _definition(type(op))
    if definition is not None:
        operands = _named(op, definition[0], op.operands)
        results = _named(op, definition[1], op.results)
        if operands is not None and results is not None:
            return f"Operands:{_block(operands)}\n\nResults:{_block(results)}"
    return f"Operands: {_types(op.operands)}  \nResults: {_types(op.results)}"


def hover_op(op: Operation) -> str:
    name = op_display_name(op)
    parts = [f'**"{name}"**']
    sym = op.properties.get("sym_name") or op.attributes.get("sym_name")
    if sym is not None:
        visibility = op.properties.get("sym_visibility") or op.attributes.get("sym_visibility")
        parts[0] += f" : {getattr(visibility, 'data', 'public')} @{getattr(sym, 'data', sym)}"
    doc = _doc(op)
    if doc:
        parts.append(doc)
    parts.append(_operands_and_results(op))
    parts.append("Generic form:\n" + _code(generic_head(op)))
    return "\n\n".join(parts)


def _defining(value: SSAValue) -> str:
    if isinstance(value, BlockArgument):
        parent = value.block.parent_op()
        where = f" of `{op_display_name(parent)}`" if parent is not None else ""
        return f"block argument #{value.index}{where}"
    assert isinstance(value, OpResult)  # a value is a block argument or an op result
    return f'result #{value.index} of `"{op_display_name(value.owner)}"`'


_USES_SHOWN = 1000


def hover_value(value: SSAValue, name: str, uses: int | None = None) -> str:
    """`uses`: the recorded uses (the index's); a snapshot's IR may be shared with newer
    versions whose ops read the value through stand-ins, so its use list is not asked."""
    if uses is None:
        # counted up to a cap: an argument used 20,000 times must not cost a walk of them all
        uses = sum(1 for _ in islice(value.uses, _USES_SHOWN + 1))
    counted = (
        f"more than {_USES_SHOWN} uses"
        if uses > _USES_SHOWN
        else (f"{uses} use{'s' if uses != 1 else ''}")
    )
    return f"**{name}**: `{value.type}`\n\nDefined by {_defining(value)}  \n{counted}"


def _block_label(block: Block) -> str:
    parent = block.parent
    index = parent.blocks.index(block) if parent is not None else 0
    return f"^{block.name_hint}" if block.name_hint else f"<Block #{index}>"


def hover_block(block: Block) -> str:
    args = ", ".join(f"`{a.type}`" for a in block.args) or "none"
    preds = ", ".join(sorted({_block_label(p) for p in block.predecessors()})) or "none"
    last = block.last_op
    succs = ", ".join(_block_label(b) for b in last.successors) if last is not None else ""
    return (
        f"**{_block_label(block)}**\n\nArguments: {args}  \nPredecessors: {preds}  \n"
        f"Successors: {succs or 'none'}"
    )


def hover_symbol(op: Operation, name: str) -> str:
    ftype = op.properties.get("function_type") or op.attributes.get("function_type")
    signature = ""
    if isinstance(ftype, FunctionType):
        signature = _code(f"@{name} : {ftype}")
    head = f'**@{name}**, defined by `"{op_display_name(op)}"`'
    return "\n\n".join(
        p for p in (head, signature, "Generic form:\n" + _code(generic_head(op))) if p
    )


def _value_name(document: IRDocument, occurrence: Occurrence) -> str:
    return document.text[occurrence.span.start : occurrence.span.end]


def hover_at(document: IRDocument, index: DocumentIndex, offset: int) -> HoverInfo | None:
    occurrence = index.at(offset)
    if occurrence is None:
        return None
    kind, span = occurrence.kind, occurrence.span
    if kind == "op":
        return HoverInfo(hover_op(occurrence.payload.op), span)
    if kind in ("value-def", "value-use"):
        value = _value_of(index, occurrence)
        if value is None:
            return None
        uses = len(index.references(offset, include_declaration=False))
        return HoverInfo(hover_value(value, _value_name(document, occurrence), uses), span)
    if kind in ("block-def", "block-use"):
        block = _block_of(index, occurrence)
        return HoverInfo(hover_block(block), span) if block is not None else None
    if kind.startswith("symbol"):
        name = occurrence.key[1]
        op = symbol_op(document, name, offset)
        if op is None:
            return HoverInfo(f"**@{name}**: no definition in this file", span)
        return HoverInfo(hover_symbol(op, name), span)
    if kind.startswith("alias"):
        name = occurrence.key[1]
        expansion = alias_expansion(document, name)
        body = _code(expansion) if expansion else "no definition in this file"
        what = "Type alias" if name.startswith("!") else "Attribute alias"
        return HoverInfo(f"**{what} {name}**\n\n{body}", span)
    return None


def _value_of(index: DocumentIndex, occurrence: Occurrence) -> SSAValue | None:
    """The value of a definition is its occurrence's payload; a use is found by its
    position among the record's uses (recorded in text order, so a binary search and a
    look around), with a full scan only if the record is not in that order."""
    value = getattr(occurrence.payload, "value", None)
    if isinstance(value, SSAValue) and id(value) == occurrence.key:
        return value
    item = index.document.item_at(occurrence.span.start)
    if item is None:
        return None
    record = item.parsed.record
    relative = occurrence.span.start - item.base
    for entries in (record.value_uses, record.value_defs):
        at = bisect_left(entries, relative, key=_SPAN_START)
        for entry in entries[max(0, at - _AROUND) : at + _AROUND]:
            if entry.span.start == relative and id(entry.value) == occurrence.key:
                return entry.value
    for entry in chain(record.value_uses, record.value_defs):
        if id(entry.value) == occurrence.key:
            return entry.value
    return None


_SPAN_START = attrgetter("span.start")
_AROUND = 8


def _block_of(index: DocumentIndex, occurrence: Occurrence) -> Block | None:
    item = index.document.item_at(occurrence.span.start)
    if item is None:
        return None
    for ref in (*item.parsed.record.block_defs, *item.parsed.record.block_uses):
        if id(ref.block) == occurrence.key:
            return ref.block
    return None


def symbol_op(document: IRDocument, name: str, offset: int) -> Operation | None:
    """The op defining `@name` in the chunk of `offset`."""
    chunk = next(
        (c.chunk.index for c in document.chunks if c.chunk.start <= offset <= c.chunk.end), 0
    )
    for placed in document.items:
        if placed.chunk != chunk:
            continue
        for definition in placed.parsed.symbol_defs:
            if definition.name == name:
                return definition.op
    return None


def alias_expansion(document: IRDocument, name: str) -> str | None:
    for chunk in document.chunks:
        for alias, span in chunk.aliases:
            if alias == name:
                line = document.lines.position(span.start).line
                return document.lines.line_text(line).strip()
    return None
