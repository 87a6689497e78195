"""xDSL's MLIR parser, extended to record where everything an editor points at is.

The subclass hooks the parser's token, operation, SSA, block and alias entry points
(xdsl-notes §10). Those are protected methods, which is why xdsl is pinned to 0.74.x:
the span tests in tests/core guard any upgrade.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from xdsl.context import Context
from xdsl.dialects.builtin import (
    AffineMapAttr,
    FileLineColLoc,
    IntAttr,
    IntegerAttr,
    LocationAttr,
    MemRefType,
    NoneAttr,
    StringAttr,
    UnknownLoc,
    UnregisteredOp,
)
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.ir.affine import AffineMap
from xdsl.parser import Parser
from xdsl.parser.attribute_parser import AttrParser
from xdsl.parser.core import UnresolvedOperand
from xdsl.parser.generic_parser import ParserState
from xdsl.utils.lexer import Input
from xdsl.utils.lexer import Span as XSpan
from xdsl.utils.mlir_lexer import MLIRTokenKind

from ir_studio.frontends.affine_exprs import CheckedAffineMaps
from ir_studio.frontends.attribute_parameters import AttributeParameters
from ir_studio.frontends.default_dialects import DefaultDialects
from ir_studio.frontends.fast_lines import FastLines
from ir_studio.frontends.lexer import FastMLIRLexer
from ir_studio.frontends.literal_checks import LiteralRangeChecks
from ir_studio.frontends.opaque_bodies import OpaqueDialectBodies
from ir_studio.frontends.records import (
    BlockRef,
    NamedRef,
    OpRecord,
    ParseRecord,
    ValueDef,
    ValueUse,
)
from ir_studio.frontends.region_rules import RegionRules
from ir_studio.frontends.sparse_elements import SparseElementsParsing
from ir_studio.frontends.type_checks import BuiltinTypeChecks
from ir_studio.frontends.typed_entries import TypedDictionaryEntries
from ir_studio.source import Span

_AT = MLIRTokenKind.AT_IDENT
_HASH = MLIRTokenKind.HASH_IDENT
_BANG = MLIRTokenKind.EXCLAMATION_IDENT
_PERCENT = MLIRTokenKind.PERCENT_IDENT
_BARE = MLIRTokenKind.BARE_IDENT
_TYPE_CACHE: dict[str, Any] = {}

LocationFactory = Callable[[int], LocationAttr]


def line_col_locations(filename: str, line_of: Callable[[int], tuple[int, int]]) -> LocationFactory:
    """Build `FileLineColLoc`s cheaply: one StringAttr per file, IntAttrs memoised."""
    file_attr = StringAttr(filename)
    ints: dict[int, IntAttr] = {}

    def int_attr(value: int) -> IntAttr:
        attr = ints.get(value)
        if attr is None:
            attr = ints[value] = IntAttr(value)
        return attr

    names = [name for name, _ in FileLineColLoc.get_irdl_definition().parameters]
    setter = object.__setattr__

    def make(offset: int) -> LocationAttr:
        # FileLineColLoc.new verifies its three parameters on every call; they are a
        # StringAttr and two IntAttrs by construction here, so build it directly.
        line, column = line_of(offset)
        loc = FileLineColLoc.__new__(FileLineColLoc)
        for name, value in zip(names, (file_attr, int_attr(line + 1), int_attr(column + 1)),
                               strict=True):
            setter(loc, name, value)
        return loc

    return make


class SpanRecordingParser(DefaultDialects, AttributeParameters, FastLines, RegionRules,
                          CheckedAffineMaps, LiteralRangeChecks, BuiltinTypeChecks,
                          OpaqueDialectBodies, SparseElementsParsing, TypedDictionaryEntries,
                          Parser):
    """Parses one window of a file and fills a `ParseRecord` with absolute offsets."""

    def __init__(
        self,
        ctx: Context,
        text: str,
        name: str,
        *,
        start: int = 0,
        aliases: Mapping[str, Attribute] | None = None,
        make_location: LocationFactory | None = None,
    ) -> None:
        lexer = FastMLIRLexer(Input(text, name))
        lexer.pos = start
        AttrParser.__init__(self, ParserState(lexer), ctx)
        self.ssa_values = {}
        self.blocks = {}
        self.forward_block_references = defaultdict(list)
        self.forward_ssa_references = {}
        if aliases:
            self.attribute_aliases.update(aliases)
        self.record = ParseRecord()
        self.first_uses: dict[str, XSpan] = {}
        self._make_location = make_location
        self._last_end = start
        self._op_stack: list[int] = []
        self._name_spans: list[Span | None] = []
        self._forward_uses: dict[int, list[ValueUse]] = {}
        self._stamped: set[int] = set()
        self.failed_name_span: Span | None = None
        self.prechecked: set[int] = set()
        """Ops built by the fast path: valid by construction (integer ops on integer or
        index operands of one type, float ops on one float type, default properties),
        so verification skips them."""
        cls = type(self)
        self._init_fast_lines(
            cls.resolve_operand is SpanRecordingParser.resolve_operand
            and cls._register_ssa_definition is SpanRecordingParser._register_ssa_definition)

    # -- tokens ---------------------------------------------------------------------
    def _consume_token(self, expected_kind: Any = None) -> Any:
        token = self._parser_state.current_token
        kind = token.kind
        if kind is _AT:
            span = token.span
            self.record.symbol_tokens.append(
                NamedRef(span.text, Span(span.start, span.end), self._owner())
            )
        elif (kind is _HASH or kind is _BANG) and token.span.text in self.attribute_aliases:
            span = token.span
            self.record.alias_uses.append(
                NamedRef(span.text, Span(span.start, span.end), self._owner())
            )
        self._last_end = token.span.end
        self._parser_state.current_token = self.lexer.lex()
        return token

    def _owner(self) -> int | None:
        return self._op_stack[-1] if self._op_stack else None

    @property
    def last_end(self) -> int:
        """End offset of the last token consumed."""
        return self._last_end

    def parse_dimension_list(self) -> list[int]:
        """xDSL's, except that a trailing `x` is given back at its own offset: with
        spaces (`memref<2 x i32>`, valid MLIR) xDSL stepped back one character into the
        whitespace and then failed on the element type."""
        accepted = (MLIRTokenKind.INTEGER_LIT, MLIRTokenKind.QUESTION)
        if self._current_token.kind not in accepted:
            return []
        dims = [self.parse_shape_dimension()]
        while True:
            delimiter = self._current_token.span.start
            if self._parse_optional_shape_delimiter() is None:
                return dims
            if self._current_token.kind not in accepted:
                self._resume_from(delimiter)
                return dims
            dims.append(self.parse_shape_dimension())

    def _parse_memref_attrs(self) -> Any:
        """MLIR uniques `memref<4xf32, affine_map<(d0) -> (d0)>, 0>` as `memref<4xf32>`:
        an identity layout and memory space 0 are the defaults. xDSL keeps them, and
        then calls the two spellings of one type different types."""
        parsed = super()._parse_memref_attrs()
        if not isinstance(parsed, MemRefType):
            return parsed
        layout, space = parsed.layout, parsed.memory_space
        identity = (isinstance(layout, AffineMapAttr)
                    and layout.data == AffineMap.identity(parsed.get_num_dims()))
        default_space = isinstance(space, IntegerAttr) and space.value.data == 0
        if not identity and not default_space:
            return parsed
        return MemRefType(parsed.element_type, parsed.get_shape(),
                          NoneAttr() if identity else layout,
                          NoneAttr() if default_space else space)

    # -- builtin types are immutable: share them instead of re-verifying `i32` ------
    def _parse_optional_integer_or_float_type(self) -> Any:
        token = self._parser_state.current_token
        if token.kind is MLIRTokenKind.BARE_IDENT:
            cached = _TYPE_CACHE.get(token.span.text)
            if cached is not None:
                self._consume_token()
                return cached
            text = token.span.text
            result = super()._parse_optional_integer_or_float_type()
            if result is not None:
                _TYPE_CACHE[text] = result
            return result
        return None

    # -- operations -----------------------------------------------------------------
    def _parse_block_body(self, block: Block) -> None:
        """xDSL's loop, with the fast paths tried first on each line."""
        state = self._parser_state
        fast = self._fast_kinds is not None
        while True:
            kind = state.current_token.kind
            if kind is _PERCENT or kind is _BARE:
                if fast and self.fast_run(block):
                    continue
                op = self.parse_operation()
            elif kind is MLIRTokenKind.STRING_LIT:
                op = self.parse_operation()
            else:
                return
            block.add_op(op)

    def parse_operation(self) -> Operation:
        if self._fast_kinds is not None:
            fast = self.fast_line()
            if fast is not None:
                return fast
        start = self._parser_state.current_token.span.start
        index = len(self.record.ops)
        parent = self._owner()
        self.record.ops.append(None)  # pyright: ignore[reportArgumentType]  # a placeholder, filled below in pre-order
        self._op_stack.append(index)
        self._name_spans.append(None)
        try:
            op = self.fast_function(index) or super().parse_operation()
        except BaseException:
            name_span = self._name_spans[-1]
            if self.failed_name_span is None and name_span is not None:
                self.failed_name_span = name_span
            raise
        finally:
            self._op_stack.pop()
            name_span = self._name_spans.pop()
        end = self._last_end
        if name_span is None:
            name_span = Span(start, start)
        self.record.ops[index] = OpRecord(op, name_span, Span(start, end), parent)
        if self._make_location is not None and isinstance(op.location, UnknownLoc):
            op.location = self._make_location(start)
            self._stamped.add(id(op))
        return op

    def _get_op_by_name(self, name: str) -> type[Operation]:
        """xDSL's, except that a name without a dialect is first looked up in the
        dialects of the ops around it: xDSL remembers an unknown bare name in the context
        as an unregistered op (a top-level `return` in any file), and that entry then
        shadowed `func.return` for `return` in every later parse sharing the context."""
        by_default = self.op_in_default_dialect(name)  # MLIR 22's default dialects
        if by_default is not None:
            return by_default
        if "." not in name:
            known = self.ctx._get_known_op  # the lookup without the unregistered fallback
            for dialect in reversed(self._parser_state.dialect_stack):
                found = known(f"{dialect}.{name}")
                if found is not None and not issubclass(found, UnregisteredOp):
                    return found
        return super()._get_op_by_name(name)

    def stamped(self, op: Operation) -> bool:
        """Whether this parse gave `op` its FileLineColLoc (no explicit loc was written)."""
        return id(op) in self._stamped

    def _parse_op_result_list(self) -> list[tuple[XSpan, int]]:
        results = super()._parse_op_result_list()
        for span, count in results:
            if count == 0:
                self.raise_error("expected named operation to have at least 1 result", span)
        span = self._parser_state.current_token.span
        self._name_spans[-1] = Span(span.start, span.end)
        return results

    # -- SSA values -----------------------------------------------------------------
    def _register_ssa_definition(self, name: str, values: Sequence[SSAValue], span: XSpan) -> None:
        forward = self.forward_ssa_references.get(name)
        super()._register_ssa_definition(name, values, span)
        size = len(values)
        for group_index, value in enumerate(values):
            self.record.value_defs.append(
                ValueDef(value, span.text, group_index, size, Span(span.start, span.end))
            )
        if forward:
            for group_index, placeholder in forward.items():
                for use in self._forward_uses.pop(id(placeholder), ()):
                    use.value = values[group_index]
            self.first_uses.pop(name, None)

    def resolve_operand(self, operand: UnresolvedOperand, type: Any) -> Any:
        value = super().resolve_operand(operand, type)
        span = operand.span
        end = span.end
        content = span.input.content
        if end < len(content) and content[end] == "#":
            end += 1
            while end < len(content) and content[end].isdigit():
                end += 1
        use = ValueUse(value, Span(span.start, end), self._owner())
        self.record.value_uses.append(use)
        if operand.operand_name not in self.ssa_values:
            self._forward_uses.setdefault(id(value), []).append(use)
            self.first_uses.setdefault(operand.operand_name, span)
        return value

    # -- blocks ---------------------------------------------------------------------
    def _parse_block(self) -> Block:
        token = self._parser_state.current_token.span
        name = token.text[1:]
        known = self.blocks.get(name)
        if known is not None and known[1] is None and name not in self.forward_block_references:
            # xDSL forgets where a forward-referenced block was defined and then fails
            # with a KeyError on a second definition; report it as MLIR does.
            self.raise_error(f"redefinition of block '^{name}'", token)
        block = super()._parse_block()
        self.blocks[name] = (block, token)
        self.record.block_defs.append(BlockRef(block, Span(token.start, token.end), self._owner()))
        return block

    def parse_optional_successor(self) -> Block | None:
        token = self._parser_state.current_token.span
        block = super().parse_optional_successor()
        if block is not None:
            self.record.block_uses.append(
                BlockRef(block, Span(token.start, token.end), self._owner())
            )
        return block

    def _get_block_from_name(self, block_name: XSpan) -> Block:
        block = super()._get_block_from_name(block_name)
        self.record.block_uses.append(
            BlockRef(block, Span(block_name.start, block_name.end), self._owner())
        )
        return block

    # -- aliases --------------------------------------------------------------------
    def parse_alias_definition(self) -> tuple[str, Attribute]:
        """Parse `#name = attr` or `!name = type` and remember where it was defined."""
        token = self._parser_state.current_token.span
        name = token.text
        if "." in name:
            kind = "type" if name.startswith("!") else "attribute"
            self.raise_error(f"{kind} names with a '.' are reserved for dialect-defined names",
                             token)
        self._parse_alias_def()
        self.record.alias_defs.append(NamedRef(name, Span(token.start, token.end), None))
        return name, self.attribute_aliases[name]

    def text_of(self, span: Span) -> str:
        return self.lexer.input.content[span.start : span.end]

    def at_end(self, end: int) -> bool:
        token = self._parser_state.current_token
        return token.kind is MLIRTokenKind.EOF or token.span.start >= end
