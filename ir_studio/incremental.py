"""Incremental analysis inside one large item: re-parse only the lines an edit touched.

An edit inside a 20,000-op function would otherwise re-parse and re-verify all of it.
When the edit is confined to whole lines of simple ops (one op per line, no regions,
no successors, no block labels, balanced brackets on every line, op names with a
dialect) inside one block, `patch_item` parses just those lines, resolving SSA names
against the unchanged rest of the item, verifies only the new ops, checks dominance
only for the uses the edit can affect, and keeps every other diagnostic (shifted).
Anything else returns None and the item is parsed whole. See docs/incremental.md.

Nothing of the previous version is changed: new ops read their operands through
stand-in values (`_proxy`), so no use list of a shared value grows, and they know
their block without being inserted in it. The full record of a patched item (spans
of every op, value and use) is spliced together only when a feature asks for it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from xdsl.context import Context
from xdsl.ir import Attribute, Block, BlockArgument, Operation, OpResult, SSAValue
from xdsl.utils.exceptions import ParseError
from xdsl.utils.mlir_lexer import MLIRTokenKind

from ir_studio.diagnostics import Diagnostic, Related
from ir_studio.dominance import _GRAPH_REGION_OPS, DominanceInfo, dominates
from ir_studio.edit_lines import code_of, common_prefix, common_suffix, last_token_end, simple_lines
from ir_studio.frontends.default_dialects import default_inside
from ir_studio.frontends.records import ParseRecord, ValueDef
from ir_studio.incremental_view import (
    def_of,
    defs_named,
    materialize,
    op_before,
    op_from,
    ops_between,
    uses_of,
)
from ir_studio.parse_item import (
    ParsedItem,
    _tidy,
    parse_failure,
    parse_item,
    undeclared_value,
    verify_records,
)
from ir_studio.region_parser import _OP_START, RegionParser, is_simple_op
from ir_studio.source import Span
from ir_studio.symbols import collect

log = logging.getLogger(__name__)
STATS: Counter[str] = Counter()
"""How often edits were patched, and where the others fell back (line of the check):
for tests and benchmarks."""


class _Fallback(Exception):
    """The edit is outside what the incremental path handles: parse the item whole."""


@dataclass(frozen=True)
class Patch:
    """How a patched item derives from its previous version (item-relative offsets)."""

    base: ParsedItem
    start: int
    """First offset of the re-parsed lines (same in both versions)."""
    old_end: int
    new_end: int
    layer: ParseRecord
    """Records of the new ops, offsets in the new text, operand values the real ones."""
    remap: dict[int, SSAValue]
    """id(value of a replaced op) -> the value of the new op that took over its name."""
    inverse: dict[int, list[SSAValue]] = field(default_factory=dict)
    parent_op: Operation | None = None

    @property
    def delta(self) -> int:
        return self.new_end - self.old_end


def stand_ins(item: ParsedItem) -> dict[int, SSAValue]:
    """id(stand-in) -> the value it stands for, for every op an edit added to this item
    (and to the versions it was patched from): what printers must name them by."""
    return item.memo("stand_ins", dict)


def patch_item(old: ParsedItem, text: str, ctx: Context, aliases: Mapping[str, Attribute],
               filename: str) -> ParsedItem | None:
    """`old` updated to `text`, or None when the item must be parsed whole."""
    if old.op is None or old.text == text:
        return None
    try:
        item = _Patcher(old, text, ctx, aliases, filename).run()
    except (_Fallback, RecursionError) as reason:
        frame = reason.__traceback__
        while frame is not None and frame.tb_next is not None:
            frame = frame.tb_next
        STATS[f"fallback:{frame.tb_lineno if frame else 0}"] += 1
        return None
    except Exception:  # a bug here must cost time, never a build
        log.exception("incremental patch failed; parsing the item whole")
        STATS["error"] += 1
        return None
    STATS["patched"] += 1
    return item


def _shift(span: Span, start: int, delta: int) -> Span:
    return span if span.start < start or delta == 0 else Span(span.start + delta,
                                                              span.end + delta)


def _defining_block(value: SSAValue) -> Block | None:
    if isinstance(value, OpResult):
        return value.op.parent
    if isinstance(value, BlockArgument):
        return value.block
    return None


class _Patcher:
    def __init__(self, old: ParsedItem, text: str, ctx: Context,
                 aliases: Mapping[str, Attribute], filename: str) -> None:
        self.old, self.text, self.ctx = old, text, ctx
        self.aliases, self.filename = aliases, filename
        self._visible: dict[str, tuple[SSAValue, ...] | None] = {}

    # -- where the edit is -----------------------------------------------------------
    def _region(self) -> None:
        old_text, text = self.old.text, self.text
        prefix = common_prefix(old_text, text)
        suffix = common_suffix(old_text, text, min(len(old_text), len(text)) - prefix)
        self.r0 = old_text.rfind("\n", 0, prefix) + 1
        self.old_end = old_text.find("\n", len(old_text) - suffix)
        if self.r0 == 0 or self.old_end < 0:
            raise _Fallback
        self.delta = len(text) - len(old_text)
        self.new_end = self.old_end + self.delta
        # The new lines need no more: the parse below fails or falls back on anything
        # that is not a sequence of simple ops ending right before the next old op.
        if not (simple_lines(old_text[self.r0 : self.old_end], True)
                and simple_lines(text[self.r0 : self.new_end], False)):
            raise _Fallback

    def _context(self) -> None:
        old, r0, old_end = self.old, self.r0, self.old_end
        following = op_from(old, old_end)
        if following is None or code_of(old.text[old_end : following.span.start]).strip():
            raise _Fallback
        if any(code_of(line).strip()
               for line in old.text[old_end : following.span.start].split("\n")):
            raise _Fallback
        block = following.op.parent
        if block is None or block.parent is None:
            raise _Fallback
        self.following, self.block = following, block
        self.removed = ops_between(old, r0, old_end)
        for record in self.removed:
            if (record.op.parent is not block or record.span.end > old_end
                    or not is_simple_op(record.op)):
                raise _Fallback
        before = op_before(old, r0)
        if before is not None and before.span.end > r0 and not (
                before.span.start <= following.span.start
                and before.span.end >= following.span.end):
            raise _Fallback  # a multi-line op ends inside the edited lines
        self.regions: set[int] = set()
        self.ancestors: set[int] = set()
        region = block.parent
        while region is not None:
            self.regions.add(id(region))
            owner = region.parent
            if owner is None:
                break
            self.ancestors.add(id(owner))
            region = owner.parent.parent if owner.parent is not None else None
        self.parent_op = block.parent.parent
        if self.parent_op is None or self.parent_op.name in _GRAPH_REGION_OPS:
            raise _Fallback  # top-level SSA values of a module: no dominance, no patch
        chain: list[str] = []
        owner = self.parent_op
        while owner is not None:  # up to the item's op; its private module is no parent
            chain.append(type(owner).dialect_name())
            if owner is self.old.op:
                break
            owner = owner.parent_op()
        # The full parse has pushed each enclosing op's dialect, outermost first.
        self.dialect_stack = ["builtin", *reversed(chain)]
        self.removed_values = {id(r): r for rec in self.removed for r in rec.op.results}

    # -- names -----------------------------------------------------------------------
    def _kept_defs(self, name: str) -> list[ValueDef]:
        """Definitions of `name` outside the edited lines (old offsets)."""
        return [d for d in defs_named(self.old, name) if id(d.value) not in self.removed_values]

    def _registered_before(self, definition: ValueDef) -> bool:
        value = definition.value
        if isinstance(value, OpResult) and id(value.op) in self.ancestors:
            return False  # an enclosing op's results are registered after its regions
        return definition.span.start < self.r0

    def visible(self, name: str) -> tuple[SSAValue, ...] | None:
        """The values `%name` means at the edited lines if defined before them in scope."""
        if name in self._visible:
            return self._visible[name]
        found: tuple[SSAValue, ...] | None = None
        group: list[ValueDef] = []
        for definition in self._kept_defs(name):
            block = _defining_block(definition.value)
            region = block.parent if block is not None else None
            if region is not None and id(region) in self.regions and self._registered_before(
                    definition):
                if not group or (group[0].value is not definition.value and (
                        definition.group_index == 0)):
                    group = []
                group.append(definition)
        if group:
            ordered = sorted(group, key=lambda d: d.group_index)
            found = tuple(d.value for d in ordered)
        self._visible[name] = found
        return found

    def _later(self, name: str) -> ValueDef | None:
        """The next definition of `name` the full parse registers after the edit."""
        candidates = [d for d in self._kept_defs(name) if not self._registered_before(d)]
        if not candidates:
            return None
        if any(isinstance(d.value, OpResult) and id(d.value.op) in self.ancestors
               for d in candidates):
            raise _Fallback  # registration order differs from text order: rare, be exact
        return min(candidates, key=lambda d: (d.span.start, d.group_index))

    # -- the run ---------------------------------------------------------------------
    def run(self) -> ParsedItem | None:
        self._region()
        self._context()
        try:
            parser = RegionParser(self.visible, self.ctx, self.text, self.filename, start=self.r0,
                                   aliases=self.aliases)
        except ParseError as error:  # the first token does not even lex
            message = str(error.msg).strip()
            return self._failed([Diagnostic(Span(error.span.start, error.span.end),
                                             _tidy(message))])
        parser._last_end = last_token_end(self.text, self.r0)
        parser._parser_state.dialect_stack = self.dialect_stack  # for `return` & co.
        # MLIR's default dialect inside the enclosing op, as the full parse applies it
        enclosing = self.parent_op.name if self.parent_op is not None else ""
        parser.default_dialect_base = (len(self.dialect_stack), default_inside(enclosing))
        stop = self.following.span.start + self.delta
        try:
            while parser._current_token.span.start < self.new_end:
                kind = parser._current_token.kind
                if kind not in _OP_START:
                    if kind in (MLIRTokenKind.R_BRACE, MLIRTokenKind.CARET_IDENT):
                        raise _Fallback  # the block or region ends here now
                    parser._parse_block()  # what the full parse tries next: it fails
                    raise _Fallback
                parser.parse_operation()
        except _Fallback:
            raise
        except Exception as error:
            diagnostic = parse_failure(error, parser)
            if diagnostic.span.start > stop or diagnostic.category == "internal":
                raise _Fallback from None
            return self._failed([diagnostic])
        if parser._current_token.span.start != stop:
            raise _Fallback
        return self._succeeded(parser)

    def _failed(self, diagnostics: list[Diagnostic]) -> ParsedItem:
        """The item does not parse: its record is the full parse's, made on demand."""
        text, ctx, aliases, filename = self.text, self.ctx, self.aliases, self.filename

        def record() -> ParseRecord:
            from ir_studio.deep_stack import run_with_deep_stack

            return run_with_deep_stack(
                lambda: parse_item(ctx, text, filename, aliases, None, check=False).record)

        return ParsedItem(text, None, record, diagnostics)

    def _succeeded(self, parser: RegionParser) -> ParsedItem | None:
        layer = parser.record
        proxies = parser.proxies
        for record in layer.ops:
            op = record.op
            if (not is_simple_op(op) or record.parent is not None
                    or "\n" in self.text[record.span.start : record.span.end]):
                raise _Fallback
        undeclared = self._resolve_forward(parser)
        new_defs: dict[str, list[ValueDef]] = {}
        for definition in layer.value_defs:
            new_defs.setdefault(definition.name, []).append(definition)
            if any(True for _ in self._kept_defs(definition.name[1:])):
                raise _Fallback  # the name is defined elsewhere too (another scope)
        remap, inverse = self._remap(new_defs, undeclared)
        if undeclared:
            return self._failed([undeclared_value(name, span, self._names_before(
                span.start, parser.record)) for name, span in undeclared.items()])
        for use in layer.value_uses:
            use.value = proxies.get(id(use.value), use.value)
        for record in layer.ops:
            record.op.parent = self.block  # knows its block; the block is not changed
        problems = verify_records(layer.ops, frozenset(parser.prechecked))
        problems.extend(self._dominance(layer, parser))
        diagnostics = self._kept_diagnostics(new_defs) + problems
        symbol_defs, symbol_uses = self._symbols(layer)
        patch = Patch(self.old, self.r0, self.old_end, self.new_end, layer, remap, inverse,
                      self.parent_op)
        item = ParsedItem(self.text, self.old.op, lambda: materialize(item), diagnostics,
                          symbol_defs, symbol_uses, patch=patch)
        known = dict(stand_ins(self.old))
        known.update(parser.proxies)
        item.memo("stand_ins", lambda: known)
        return item

    def _resolve_forward(self, parser: RegionParser) -> dict[str, Span]:
        """Names used in the edited lines and defined nowhere before them: later in the
        item (a dominance error, resolved as the full parse would) or nowhere."""
        undeclared: dict[str, Span] = {}
        for name, placeholders in list(parser.forward_ssa_references.items()):
            later = self._later(name)
            if any(d.name == "%" + name for d in self._removed_defs()):
                raise _Fallback
            if later is None:
                use = parser.first_uses.get(name)
                span = Span(use.start, use.end) if use is not None else Span(0, 0)
                undeclared[name] = span
                continue
            group = {d.group_index: d.value for d in defs_named(self.old, name)
                     if d.span == later.span}
            for index, placeholder in placeholders.items():
                value = group.get(index)
                if value is None or value.type != placeholder.type:
                    raise _Fallback
                stand_in = parser._proxy(value)
                placeholder.replace_all_uses_with(stand_in)
                for use in parser.record.value_uses:
                    if use.value is placeholder:
                        use.value = stand_in
        return undeclared

    def _names_before(self, position: int, layer: ParseRecord) -> list[str]:
        """Names defined before `position` in the new text (the full parse offers them
        as candidates for an undeclared name): the previous version's record, which a
        failing edit may pay for once, and the new lines'."""
        names = []
        r0, old_end, delta = self.r0, self.old_end, self.delta
        for definition in self.old.record.value_defs:
            start = definition.span.start
            if r0 <= start < old_end:
                continue
            if (start + delta if start >= old_end else start) < position:
                names.append(definition.name)
        names.extend(d.name for d in layer.value_defs if d.span.start < position)
        return names

    def _removed_defs(self) -> list[ValueDef]:
        found = getattr(self, "_removed_def_list", None)
        if found is None:
            found = []
            for record in self.removed:
                for result in record.op.results:
                    definition = def_of(self.old, result)
                    if definition is None:
                        raise _Fallback
                    found.append(definition)
            self._removed_def_list = found
        return found

    def _remap(self, new_defs: dict[str, list[ValueDef]], undeclared: dict[str, Span]
               ) -> tuple[dict[int, SSAValue], dict[int, list[SSAValue]]]:
        """Names the replaced ops defined: taken over by a new op of the same shape, or
        gone (uses elsewhere are then undeclared, as the full parse says)."""
        remap: dict[int, SSAValue] = {}
        inverse: dict[int, list[SSAValue]] = {}
        for definition in self._removed_defs():
            old_value = definition.value
            replacement = next((d for d in new_defs.get(definition.name, ())
                                if d.group_index == definition.group_index
                                and d.group_size == definition.group_size), None)
            outside = [u for u in uses_of(self.old, old_value)
                       if not self.r0 <= u.span.start < self.old_end]
            if replacement is None:
                if definition.name in new_defs and outside:
                    raise _Fallback  # same name, other shape: the full parse says more
                if outside and definition.name[1:] not in undeclared:
                    first = min(outside, key=lambda u: u.span.start)
                    span = _shift(first.span, self.old_end, self.delta)
                    name_end = self.text.find("#", span.start, span.end)
                    if name_end > 0:
                        span = Span(span.start, name_end)
                    undeclared[definition.name[1:]] = span
                continue
            if replacement.value.type != old_value.type and outside:
                raise _Fallback  # the users' verification would change
            remap[id(old_value)] = replacement.value
            inverse.setdefault(id(replacement.value), []).append(old_value)
        return remap, inverse

    def _dominance(self, layer: ParseRecord, parser: RegionParser) -> list[Diagnostic]:
        order = {id(r.op): i for i, r in enumerate(layer.ops)}
        def_spans = {id(d.value): d.span for d in layer.value_defs}
        info = DominanceInfo()
        problems: list[Diagnostic] = []
        for use in layer.value_uses:
            assert use.owner is not None
            user = layer.ops[use.owner].op
            value = use.value
            if id(value) in def_spans:  # defined by a new op
                owner = value.op if isinstance(value, OpResult) else None
                ok = owner is not None and order.get(id(owner), -1) < order[id(user)]
                def_span = def_spans[id(value)]
            else:
                block = _defining_block(value)
                if block is self.block:
                    ok = self._defined_before(value)
                else:
                    ok = dominates(info, value, self.following.op)
                def_span = self._old_def_span(value)
            if ok:
                continue
            stand_in = parser._stand_ins.get(id(value), value)
            index = next((i for i, v in enumerate(user.operands) if v is stand_in), 0)
            related = (Related(def_span, "operand defined here"),) if def_span else ()
            problems.append(Diagnostic(use.span, f"operand #{index} does not dominate this use",
                                       category="dominance", related=related))
        return problems

    def _defined_before(self, value: SSAValue) -> bool:
        if isinstance(value, BlockArgument):
            return True
        span = self._old_def_span(value, shifted=False)
        return span is not None and span.start < self.r0

    def _old_def_span(self, value: SSAValue, shifted: bool = True) -> Span | None:
        definition = def_of(self.old, value)
        if definition is None:
            return None
        return _shift(definition.span, self.old_end, self.delta) if shifted else definition.span

    def _kept_diagnostics(self, new_defs: dict[str, list[ValueDef]]) -> list[Diagnostic]:
        kept: list[Diagnostic] = []
        r0, old_end, delta = self.r0, self.old_end, self.delta
        old_text = self.old.text
        for diagnostic in self.old.diagnostics:
            if r0 <= diagnostic.span.start < old_end:
                continue
            related = []
            for note in diagnostic.related:
                if r0 <= note.span.start < old_end:
                    name = old_text[note.span.start : note.span.end]
                    replacement = new_defs.get(name)
                    if not replacement:
                        raise _Fallback
                    related.append(Related(replacement[0].span, note.message))
                else:
                    related.append(Related(_shift(note.span, old_end, delta), note.message))
            subject = diagnostic.subject
            if subject is not None and diagnostic.span.start >= old_end:
                subject = subject.shifted(delta)
            kept.append(replace(diagnostic, span=_shift(diagnostic.span, old_end, delta),
                                related=tuple(related), subject=subject))
        return kept

    def _symbols(self, layer: ParseRecord) -> tuple[list[Any], list[Any]]:
        r0, old_end, delta = self.r0, self.old_end, self.delta
        defs, uses = collect(layer, self.text)
        kept_defs = [replace(d, span=_shift(d.span, old_end, delta))
                     for d in self.old.symbol_defs if not r0 <= d.span.start < old_end]
        kept_uses = [replace(u, span=_shift(u.span, old_end, delta))
                     for u in self.old.symbol_uses if not r0 <= u.span.start < old_end]
        return kept_defs + defs, kept_uses + uses
