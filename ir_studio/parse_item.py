"""Parse and check one top-level item: the unit of error recovery and of caching.

Everything here works in offsets relative to the item's text, so a cached item stays
valid when edits elsewhere move it.

A `ParsedItem` is frozen once built: parsing, verification, dominance and symbol
collection all happen before it is handed out (and cached), so snapshots built on
other threads can share it. Its derived tables (occurrence lists, name tables) are
computed at most once, under a lock, and never change afterwards.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Attribute, Block, Operation, Region
from xdsl.utils.exceptions import MultipleSpansParseError, ParseError, VerifyException

from ir_studio.deep_stack import without_gc
from ir_studio.diagnostics import Diagnostic, Related, Subject, close_names
from ir_studio.dominance import check_dominance
from ir_studio.frontends.mlir_parser import LocationFactory, SpanRecordingParser
from ir_studio.frontends.parse_errors import reword
from ir_studio.frontends.records import OpRecord, ParseRecord
from ir_studio.pre_verifiers import VerifyAtOp
from ir_studio.source import Span
from ir_studio.symbols import SymbolDef, SymbolUse, collect
from ir_studio.verify import (
    VerifyMemo,
    op_display_name,
    symbol_uses_skipped,
    terminator_problems,
    verify_op,
)

_NO_CUSTOM_FORMAT = re.compile(r"Operation (\S+) does not have a custom format")


class ParsedItem:
    """One parsed and checked top-level op: its spans and item-local diagnostics.

    Immutable after construction. `record` may be produced lazily (an item patched by
    an edit builds its full record only when a feature asks for it); `memo` holds
    derived tables, each computed once.
    """

    __slots__ = (
        "_lock",
        "_make_record",
        "_memo",
        "_record",
        "diagnostics",
        "op",
        "patch",
        "symbol_defs",
        "symbol_uses",
        "text",
    )

    def __init__(
        self,
        text: str,
        op: Operation | None,
        record: ParseRecord | Callable[[], ParseRecord],
        diagnostics: tuple[Diagnostic, ...] | list[Diagnostic],
        symbol_defs: tuple[SymbolDef, ...] | list[SymbolDef] = (),
        symbol_uses: tuple[SymbolUse, ...] | list[SymbolUse] = (),
        patch: Any = None,
    ) -> None:
        self.text = text
        self.op = op
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        self.symbol_defs: tuple[SymbolDef, ...] = tuple(symbol_defs)
        self.symbol_uses: tuple[SymbolUse, ...] = tuple(symbol_uses)
        if isinstance(record, ParseRecord):
            self._record: ParseRecord | None = record
            self._make_record: Callable[[], ParseRecord] | None = None
        else:
            self._record, self._make_record = None, record
        self._lock = threading.RLock()  # a table's computation may need the record
        self._memo: dict[str, Any] = {}
        self.patch = patch
        """For an item built incrementally: how it derives from the previous version
        (`ir_studio.incremental.Patch`); None for an item parsed whole."""

    @property
    def record(self) -> ParseRecord:
        record = self._record
        if record is None:
            with self._lock:
                if self._record is None:
                    assert self._make_record is not None
                    self._record = without_gc(self._make_record)
                    self._make_record = None
                    self.patch = None  # the previous version is no longer needed
                record = self._record
        return record

    @property
    def materialized(self) -> bool:
        """Whether the full record exists already (asking for it is then free)."""
        return self._record is not None

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A table derived from this item. Computed without holding the item's lock, so a
        build needing one table never waits behind a background thread computing
        another; two threads may both compute it, the first result is kept."""
        found = self._memo.get(key)
        if found is None:
            value = compute()
            with self._lock:
                found = self._memo.setdefault(key, value)
        return found


def _tidy(message: str) -> str:
    match = _NO_CUSTOM_FORMAT.search(message)
    if match:
        name = match.group(1)
        return (f"unknown operation '{name}': its dialect is not registered, so only the "
                f'generic form "{name}"(...) can be parsed')
    return message.strip()


def private_module(shell: Operation | None) -> ModuleOp:
    """The module an item is verified in: empty, with the enclosing `module`'s
    attributes, so verifiers that look at their parent see what they would see in the
    whole file, and the item's op never has to move into a shared module."""
    if shell is None:
        return ModuleOp.create(regions=[Region(Block())])  # ModuleOp([]), without re-checks
    return ModuleOp.create(properties=dict(shell.properties), attributes=dict(shell.attributes),
                           regions=[Region(Block())])


def parse_item(
    ctx: Context,
    text: str,
    filename: str,
    aliases: Mapping[str, Attribute],
    make_location: LocationFactory | None,
    *,
    shell: Operation | None = None,
    check: bool = True,
) -> ParsedItem:
    """Parse one item; with `check`, also place its op in a private module and verify
    it (the result is then complete and may be cached and shared)."""
    try:
        parser = SpanRecordingParser(
            ctx, text, filename, aliases=aliases, make_location=make_location
        )
    except ParseError as error:  # the very first token is already wrong
        span = Span(error.span.start, error.span.end)
        return ParsedItem(text, None, ParseRecord(), [Diagnostic(span, _tidy(str(error.msg)))])
    diagnostics: list[Diagnostic] = []
    op: Operation | None = None
    try:
        op = parser.parse_operation()
        if not parser.at_end(len(text)):
            token = parser._current_token.span
            diagnostics.append(Diagnostic(
                Span(token.start, token.end),
                f"unexpected '{token.text[:40]}' after the end of an operation",
            ))
            op = None
        elif parser.forward_ssa_references:
            diagnostics.extend(undeclared(parser))
            op = None
    except Exception as error:
        diagnostics.append(parse_failure(error, parser))
    record = parser.record
    if op is None:
        record.ops = [r for r in record.ops if r is not None]
        return ParsedItem(text, None, record, diagnostics)
    if not check:
        return ParsedItem(text, op, record, diagnostics)
    private_module(shell).body.block.add_op(op)
    problems = verify_records(record.ops, frozenset(parser.prechecked))
    problems.extend(check_dominance(record.ops, record.value_defs, record.value_uses))
    symbol_defs, symbol_uses = collect(record, text)
    return ParsedItem(text, op, record, diagnostics + problems, symbol_defs, symbol_uses)


def undeclared(parser: SpanRecordingParser) -> list[Diagnostic]:
    """One diagnostic per name still only forward-referenced when the item ends."""
    found = []
    for name in parser.forward_ssa_references:
        use = parser.first_uses.get(name)
        span = Span(use.start, use.end) if use is not None else Span(0, 0)
        defined = [d.name for d in parser.record.value_defs if d.span.start < span.start]
        found.append(undeclared_value(name, span, defined))
    return found


def undeclared_value(name: str, span: Span, defined: list[str]) -> Diagnostic:
    """`%name` used at `span` and defined nowhere; `defined`: the names defined before."""
    subject = Subject("undefined-value", f"%{name}", span,
                      close_names(f"%{name}", defined, cutoff=0.5))
    return Diagnostic(span, f"use of undeclared SSA value name '%{name}'", subject=subject)


def parse_failure(error: Exception, parser: SpanRecordingParser) -> Diagnostic:
    """The diagnostic for whatever escaped the parser (never a traceback)."""
    if isinstance(error, ParseError):
        return _from_parse_error(error, parser)
    if isinstance(error, RecursionError):
        return Diagnostic(Span(0, 0), "operation nested too deeply to parse")
    if isinstance(error, VerifyException):  # an op's builder rejected what was parsed
        span = parser.failed_name_span or _current(parser)
        name = parser.text_of(span).strip('"')
        message = str(error).strip().splitlines()[0] if str(error).strip() else "invalid"
        return Diagnostic(span, f"'{name}' op {message}", category="verify")
    span = parser.failed_name_span or _current(parser)  # xDSL raises many kinds
    known = reword(parser.text_of(span).strip('"'), error)
    if known is not None:
        message, where = known
        at = {"op": span, "next": _current(parser),
              "last": Span(max(parser.last_end - 1, 0), parser.last_end)}[where]
        return Diagnostic(at, message)
    return Diagnostic(
        span, f"internal error while parsing '{parser.text_of(span)}': "
        f"{type(error).__name__}: {error}",
        category="internal",
    )


def _unknown_custom_op(name: str, dialects: set[str], span: Span) -> tuple[str, Subject | None]:
    """Say which of three things went wrong: unknown dialect, unknown op, no syntax
    (for an unknown op, with the dialect's ops closest to it)."""
    dialect = name.split(".", 1)[0]
    if dialect not in dialects:
        return _tidy(f"Operation {name} does not have a custom format"), None
    from ir_studio.context import shared_context

    ctx = shared_context()
    known = ctx.get_optional_op(name)
    if known is None or known.name != name:
        registered = ctx.get_optional_dialect(dialect)
        names = [op.name for op in registered.operations] if registered is not None else []
        subject = Subject("unknown-op", name, span, close_names(name, names))
        return f"unknown operation '{name}': dialect '{dialect}' has no such op", subject
    return f"'{name}' has no custom syntax here; write it in the generic form", None


def _current(parser: SpanRecordingParser) -> Span:
    token = parser._current_token.span
    return Span(token.start, token.end)


def _starts_its_line(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    return text[line_start:offset].strip() == ""


_STAYS = re.compile(r"[Ee]xpected integer|[Ee]xpected '[A-Za-z_]\w*'|invalid block name"
                    r"|unexpected iterator_type")
"""Errors MLIR reports where the parser stands (a missing keyword or value, emitError),
unlike a missing punctuation token (emitWrongTokenError), which it moves back."""


_TYPE_MISMATCH = re.compile(r"operand is used with type (.*), but has been previously used "
                            r"or defined with type (.*)$")


_OPERAND_TYPE_COUNT = re.compile(r"expected \d+ operand types but had \d+")


def _from_parse_error(error: ParseError, parser: SpanRecordingParser) -> Diagnostic:
    span = Span(error.span.start, error.span.end)
    message = _tidy(str(error.msg) if hasattr(error, "msg") else str(error))
    text = parser.lexer.input.content
    if (message.startswith("region ends with missing block declarations")
            and isinstance(error, MultipleSpansParseError) and error.refs):
        first = error.refs[0][0]
        return Diagnostic(Span(first.start, first.end),
                          f"reference to an undefined block '{first.text}'")
    if (span.start == _current(parser).start and parser.last_end < span.start
            and _starts_its_line(text, span.start) and not _STAYS.match(message)):
        # As MLIR's emitWrongTokenError (a missing `:`, `)`, ...): an error at the first
        # token of a line is about what the previous line lacks, so report it at the end
        # of that line. Other errors (a missing keyword or value) stay where they are.
        span = Span(parser.last_end, parser.last_end)
    if (parser.failed_name_span is not None and _OPERAND_TYPE_COUNT.match(message)
            and parser.text_of(parser.failed_name_span) == "scf.for"):
        # ForOp::parse: as many iter_args as result types, reported at the op.
        return Diagnostic(parser.failed_name_span, "custom op 'scf.for' mismatch in number "
                          "of loop-carried values and defined values")
    mismatch = _TYPE_MISMATCH.match(message)
    if mismatch is not None:
        # MLIR's words. (MLIR adds a "prior use here" note; an incremental parse of an
        # edited region cannot see the prior definition, and both paths must agree.)
        name = parser.text_of(span).split("#")[0]
        message = (f"use of value '{name}' expects different type than prior uses: "
                   f"'{mismatch.group(1)}' vs '{mismatch.group(2)}'")
        return Diagnostic(span, message)
    subject = None
    if _NO_CUSTOM_FORMAT.search(str(error)) and parser.failed_name_span is not None:
        span = parser.failed_name_span
        message, subject = _unknown_custom_op(
            parser.text_of(span), set(parser.ctx.registered_dialect_names), span)
    related: tuple[Related, ...] = ()
    if isinstance(error, MultipleSpansParseError):
        related = tuple(
            Related(Span(s.start, s.end), note or error.ref_text or "")
            for s, note in error.refs
        )
    category = "unregistered" if "its dialect is not registered" in message else "parse"
    return Diagnostic(span, message, related=related, category=category, subject=subject)


def verify_records(records: list[OpRecord], prechecked: frozenset[int]) -> list[Diagnostic]:
    """Verify every recorded op on its own (each failure at its op's name)."""
    problems: list[Diagnostic] = []
    memo = VerifyMemo()
    with symbol_uses_skipped():
        for op_record in records:
            op = op_record.op
            at = op_record.name_span
            try:
                if id(op) in prechecked:
                    continue
                for culprit, message in terminator_problems(op):
                    problems.append(_at_op(records, culprit, at, message))
                key = memo.key(op)
                if key is not None and key in memo.passed:
                    continue
                verify_op(op)
                if key is not None:
                    memo.passed.add(key)
            except VerifyAtOp as error:
                diagnostic = _at_op(records, error.op, at, _verify_message(error.op, error))
                if error.note is not None:
                    noted = _at_op(records, error.note[0], at, error.note[1])
                    diagnostic = replace(diagnostic, related=(Related(noted.span,
                                                                      error.note[1]),))
                problems.append(diagnostic)
            except VerifyException as error:
                problems.append(Diagnostic(at, _verify_message(op, error), category="verify"))
            except RecursionError:
                problems.append(Diagnostic(at, "operation nested too deeply to verify",
                                           category="internal"))
            except Exception as error:
                problems.append(Diagnostic(
                    at,
                    f"internal error while verifying '{op_display_name(op)}': "
                    f"{type(error).__name__}: {error}",
                    category="internal",
                ))
    return problems


def _at_op(records: list[OpRecord], op: Operation, fallback: Span, message: str) -> Diagnostic:
    for op_record in records:
        if op_record.op is op:
            return Diagnostic(op_record.name_span, message, category="verify")
    return Diagnostic(fallback, message, category="verify")


def _verify_message(op: Operation, error: VerifyException) -> str:
    text = str(error).strip()
    first_line = text.splitlines()[0] if text else "verification failed"
    return f"'{op_display_name(op)}' op {first_line}"
