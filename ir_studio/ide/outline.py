"""Document symbols (nested, one group per `// -----` chunk) and workspace symbols."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xdsl.dialects.builtin import FunctionType, ModuleOp, StringAttr
from xdsl.ir import Operation

from ir_studio.document import IRDocument, PlacedItem
from ir_studio.source import Span
from ir_studio.verify import op_display_name


@dataclass
class OutlineNode:
    name: str
    kind: str
    """function, class (other symbol ops), namespace (modules and chunk groups)."""
    span: Span
    selection: Span
    detail: str = ""
    children: list[OutlineNode] = field(default_factory=list)


def _node(op: Operation, span: Span, selection: Span) -> OutlineNode | None:
    sym = op.properties.get("sym_name") or op.attributes.get("sym_name")
    if isinstance(sym, StringAttr):
        ftype = op.properties.get("function_type") or op.attributes.get("function_type")
        kind = "function" if ftype is not None else "class"
        detail = str(ftype) if isinstance(ftype, FunctionType) else op_display_name(op)
        return OutlineNode(sym.data, kind, span, selection, detail)
    if isinstance(op, ModuleOp):
        return OutlineNode("<builtin.module>", "namespace", span, selection)
    return None


def outline(document: IRDocument) -> list[OutlineNode]:
    groups: dict[int, list[OutlineNode]] = {c.chunk.index: [] for c in document.chunks}
    shells: dict[int, OutlineNode] = {}
    """A chunk that is one `module { ... }` is parsed as a header plus items: the
    header's node holds the items of its chunk."""
    for placed in document.items:
        if placed.kind == "module":
            node = _shell_node(document, placed)
            if node is not None:
                shells[placed.chunk] = node
                groups[placed.chunk].append(node)
            continue
        top = shells[placed.chunk].children if placed.chunk in shells else groups[placed.chunk]
        records = placed.parsed.record.ops
        nodes: dict[int, OutlineNode] = {}
        for i, record in enumerate(records):
            node = _node(
                record.op, record.span.shifted(placed.base), record.name_span.shifted(placed.base)
            )
            if node is None:
                continue
            nodes[i] = node
            parent = record.parent
            while parent is not None and parent not in nodes:
                parent = records[parent].parent
            (top if parent is None else nodes[parent].children).append(node)
    if len(document.chunks) == 1:
        return groups[document.chunks[0].chunk.index]
    out = []
    for chunk in document.chunks:
        span = Span(chunk.chunk.start, chunk.chunk.end)
        out.append(
            OutlineNode(
                f"<file-split-{chunk.chunk.index}>",
                "namespace",
                span,
                Span(span.start, span.start),
                "",
                groups[chunk.chunk.index],
            )
        )
    return out


def _shell_node(document: IRDocument, placed: PlacedItem) -> OutlineNode | None:
    records = placed.parsed.record.ops
    if not records:
        return None
    base = placed.base
    chunk = next(c.chunk for c in document.chunks if c.chunk.index == placed.chunk)
    close = document.text.rfind("}", base, chunk.end)
    span = Span(base, close + 1 if close >= 0 else chunk.end)
    return _node(records[0].op, span, records[0].name_span.shifted(base))


_SYMBOL_DEF = re.compile(
    r"^[ \t]*([A-Za-z_][\w$]*\.[\w$.]+)\s+(?:(?:private|public|nested)\s+)?"
    r'@([A-Za-z_$][\w$.]*|"[^"\n]*")',
    re.M,
)


@dataclass(frozen=True)
class WorkspaceSymbol:
    name: str
    op: str
    offset: int
    end: int


def scan_symbols(text: str) -> list[WorkspaceSymbol]:
    """Symbol definitions found lexically (for files that are not open): fast and
    tolerant of broken text."""
    return [
        WorkspaceSymbol(m.group(2).strip('"'), m.group(1), m.start(2), m.end(2))
        for m in _SYMBOL_DEF.finditer(text)
    ]
