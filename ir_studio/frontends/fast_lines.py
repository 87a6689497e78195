"""The parser's fast paths at work: the mixin that tries them on each line (the lines,
the builders and the rules for when a line may take one are in `fast_ops`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from xdsl.context import Context
from xdsl.dialects.builtin import StringAttr, SymbolRefAttr
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.parser import Parser
from xdsl.utils.lexer import Span as XSpan
from xdsl.utils.mlir_lexer import MLIRTokenKind

from ir_studio.frontends.fast_ops import (
    ARG,
    BINARY,
    CALL,
    CONSTANT,
    FLOAT_OPS,
    FLOAT_TYPES,
    HEADER,
    NEXT_TOKEN,
    RETURN,
    TYPES,
    VALID_NAME,
    VALUE_IN_LIST,
    OpKinds,
    append_op,
    build_binary,
    build_op,
    constant_value,
    function_type_of,
    simple_types,
    split_values,
)
from ir_studio.frontends.records import NamedRef, OpRecord, ParseRecord, ValueDef, ValueUse
from ir_studio.source import Span

_BARE_IDENT = MLIRTokenKind.BARE_IDENT


class FastLines:
    """Mixin for `SpanRecordingParser`: builds the op at the current token if it is one
    of the lines above and the general path would accept it, recording it as the
    general path would; otherwise changes nothing and the general path runs."""

    # the parser's state this mixin reads and fills (SpanRecordingParser defines them)
    ctx: Context
    ssa_values: dict[str, tuple[SSAValue, ...]]
    forward_ssa_references: dict[str, Any]
    record: ParseRecord
    lexer: Any
    prechecked: set[int]
    _parser_state: Any
    _op_stack: list[int]
    _last_end: int
    _make_location: Any
    _stamped: set[int]
    _name_spans: list[Any]

    fast_paths: bool = True
    """Class switch (tests turn it off to compare with the general path)."""

    def _init_fast_lines(self, plain: bool) -> None:
        """`plain`: SSA names resolve through the parser's own tables only (a subclass
        that resolves names elsewhere, such as the incremental region parser, is not)."""
        self._fast_kinds = OpKinds.of(self.ctx) if plain and self.fast_paths else None
        self._fast_functions: list[tuple[int, tuple[Attribute, ...], list[Operation]]] = []
        """Fast-path functions being parsed: record index, result types, their returns."""
        if not TYPES:
            TYPES.update(simple_types())

    def fast_line(self) -> Operation | None:
        """The op at the current token, if it is a fast line (the lexer then stands
        after it)."""
        if self._fast_kinds is None:
            return None
        token = self._parser_state.current_token
        if token.kind is not MLIRTokenKind.PERCENT_IDENT and token.kind is not _BARE_IDENT:
            return None  # also the end of the input
        op = self._fast_at(token.span.input.content, token.span.start)
        if op is not None:
            self._relex()
        return op

    def fast_run(self, block: Block) -> bool:
        """Add the fast lines from the current token on to `block`, up to the first line
        that is not one, without lexing in between; False if there was none."""
        if self._fast_kinds is None:
            return False
        content: str = self._parser_state.current_token.span.input.content
        pos: int = self._parser_state.current_token.span.start
        size = len(content)
        placed = False
        next_token = NEXT_TOKEN.match
        while pos < size:
            op = self._fast_at(content, pos)
            if op is None:
                break
            append_op(block, op)
            placed = True
            pos = next_token(content, self._last_end).end()  # pyright: ignore[reportOptionalMemberAccess]  # matches the empty string
        if placed:
            self._relex()
        return placed

    def _relex(self) -> None:
        self.lexer.pos = self._last_end
        self._parser_state.current_token = self.lexer.lex()

    def _fast_at(self, content: str, start: int) -> Operation | None:
        kinds = self._fast_kinds
        assert kinds is not None
        char = content[start]
        if char == "%":
            match = BINARY.match(content, start)
            if match is not None:
                return self._fast_binary_line(kinds, match)
            match = CALL.match(content, start)
            if match is not None:
                return self._fast_call(kinds, match)
            match = CONSTANT.match(content, start)
            if match is not None:
                return self._fast_constant(kinds, match)
        elif char == "r" or char == "f":
            match = RETURN.match(content, start)
            if match is not None:
                return self._fast_return(kinds, match)
            match = CALL.match(content, start)
            if match is not None:
                return self._fast_call(kinds, match)
        return None

    # -- the three kinds of line ------------------------------------------------------
    def _fast_binary_line(self, kinds: OpKinds, match: re.Match[str]) -> Operation | None:
        result, _, kind, lhs_name, rhs_name, type_name = match.groups()
        if (type_name in FLOAT_TYPES) != (kind in FLOAT_OPS):
            return None  # e.g. addi on f32: the general path parses it and reports it
        found = kinds.binary.get(kind)
        if found is None:
            return None
        type_ = TYPES[type_name]
        lhs = self._defined(lhs_name, type_)
        rhs = self._defined(rhs_name, type_)
        if lhs is None or rhs is None or not self._new_name(result):
            return None
        op_class, properties = found
        op = build_binary(op_class, lhs, rhs, type_, properties.copy())
        self.prechecked.add(id(op))  # integer ops on one integer type, float on float
        # what `_place` records, unrolled for the commonest line
        record = self.record
        index = len(record.ops)
        start, end = match.start(), match.end(6)
        uses = record.value_uses
        uses.append(ValueUse(lhs, Span(match.start(4), match.end(4)), index))
        uses.append(ValueUse(rhs, Span(match.start(5), match.end(5)), index))
        value = op.results[0]
        bare = result[1:]
        self.ssa_values[bare] = (value,)
        if VALID_NAME.fullmatch(bare):
            value.name_hint = bare
        record.value_defs.append(ValueDef(value, result, 0, 1, Span(start, start + len(result))))
        stack = self._op_stack
        record.ops.append(OpRecord(op, Span(match.start(2), match.end(3)), Span(start, end),
                                   stack[-1] if stack else None))
        if self._make_location is not None:
            op.location = self._make_location(start)
            self._stamped.add(id(op))
        self._last_end = end
        return op

    def _fast_constant(self, kinds: OpKinds, match: re.Match[str]) -> Operation | None:
        result, _, literal, type_name = match.groups()
        if kinds.constant is None or not self._new_name(result):
            return None
        value = constant_value(literal, type_name)
        if value is None:
            return None  # out of range, or a decimal for a float: the general path's error
        op = build_op(kinds.constant, (), (TYPES[type_name],), {"value": value})
        return self._place(op, (), match.start(), match.start(2), match.end(2), (), result,
                           match.end(4))

    def _fast_return(self, kinds: OpKinds, match: re.Match[str]) -> Operation | None:
        name = match.group(1)
        if kinds.ret is None or (name == "return"
                                 and self._parser_state.dialect_stack[-1:] != ["func"]):
            return None  # a bare `return` is func.return only directly inside a func op
        names = split_values(match.group(2))
        operands = self._typed_operands(names, match.group(3))
        if operands is None:
            return None
        op = build_op(kinds.ret, operands, (), {})
        functions = self._fast_functions
        if kinds.return_checked and functions:
            owner, outputs, returns = functions[-1]
            if (owner == (self._op_stack[-1] if self._op_stack else None)
                    and tuple(v.type for v in operands) == outputs):
                returns.append(op)  # prechecked if it ends its block (see fast_function)
        end = match.end(3) if names else match.end(1)
        return self._place(op, operands, match.start(), match.start(1), match.end(1),
                           self._value_spans(match, 2, len(names)), None, end)

    def _fast_call(self, kinds: OpKinds, match: re.Match[str]) -> Operation | None:
        if kinds.call is None:
            return None
        result, _, callee, names_text, types_text, result_type = match.groups()
        if (result is None) != (result_type is None):
            return None
        names = split_values(names_text)
        operands = self._typed_operands(names, types_text)
        if operands is None or (result is not None and not self._new_name(result)):
            return None
        op = build_op(kinds.call, operands, (TYPES[result_type],) if result_type else (),
                      {"callee": SymbolRefAttr(callee[1:])})
        if kinds.call_checked:
            self.prechecked.add(id(op))
        self.record.symbol_tokens.append(NamedRef(callee, Span(match.start(3), match.end(3)),
                                                  len(self.record.ops)))
        return self._place(op, operands, match.start(), match.start(2), match.end(2),
                           self._value_spans(match, 4, len(names)), result, match.end())

    # -- a function's header --------------------------------------------------------
    def fast_function(self, index: int) -> Operation | None:
        """`func.func` whose header is on one line with simple types: the header read
        with one match, the body by the general region parser (which registers the
        arguments and applies MLIR's region rules), the op built as `FuncOp.parse`
        builds it. `index`: the op's record, already placed by `parse_operation`."""
        kinds = self._fast_kinds
        if kinds is None or kinds.func is None:
            return None
        token = self._parser_state.current_token
        if token.kind is not MLIRTokenKind.BARE_IDENT or token.span.text != "func.func":
            return None
        source = token.span.input
        match = HEADER.match(source.content, token.span.start)
        if match is None:
            return None
        _, visibility, symbol, args_text, one_result, results_text = match.groups()
        arguments = []
        input_names = []
        if args_text:
            base = match.start(4)
            for arg in ARG.finditer(args_text):
                name = XSpan(base + arg.start(1), base + arg.end(1), source)
                input_names.append(arg.group(2))
                arguments.append(Parser.Argument(name, TYPES[arg.group(2)]))
        output_names = [one_result] if one_result else split_values(results_text)
        function_type = function_type_of(tuple(input_names), tuple(output_names))
        self._name_spans[-1] = Span(match.start(1), match.end(1))
        self.record.symbol_tokens.append(NamedRef(symbol, Span(match.start(3), match.end(3)),
                                                  index))
        end = match.end()
        content = source.content
        while content[end - 1] in " \t":
            end -= 1
        self._last_end = end  # the header's last token, as if the lexer had read them all
        self.lexer.pos = end
        self._parser_state.current_token = self.lexer.lex()
        stack = self._parser_state.dialect_stack
        stack.append("func")
        returns: list[Operation] = []
        self._fast_functions.append((index, function_type.outputs.data, returns))
        try:
            region = self.parse_optional_region(arguments or None)  # pyright: ignore[reportAttributeAccessIssue]  # the parser's
        finally:
            self._fast_functions.pop()
        stack.pop()
        for ret in returns:
            if ret.parent is not None and ret.parent.last_op is ret:
                self.prechecked.add(id(ret))
        properties: dict[str, Attribute] = {"sym_name": StringAttr(symbol[1:]),
                                            "function_type": function_type}
        if visibility:
            properties["sym_visibility"] = StringAttr(visibility)
        op = build_op(kinds.func, (), (), properties)  # what FuncOp(...) makes, unchecked
        op.add_region(region)
        location = self.parse_optional_location()  # pyright: ignore[reportAttributeAccessIssue]  # the parser's
        if location is not None:
            op.location = location
        return op

    # -- shared steps -----------------------------------------------------------------
    def _typed_operands(self, names: list[str], types_text: str | None) -> list[SSAValue] | None:
        types = split_values(types_text)
        if len(names) != len(types):
            return None  # the general path reports the count
        operands = []
        for value_name, type_name in zip(names, types, strict=True):
            value = self._defined(value_name, TYPES[type_name])
            if value is None:
                return None
            operands.append(value)
        return operands

    def _defined(self, name: str, type_: Attribute) -> SSAValue | None:
        """The value `name` (with `%`) if it is defined with exactly `type_`."""
        values = self.ssa_values.get(name[1:])
        if values is None:
            return None  # a forward reference (or undeclared): the general path
        value = values[0]
        found = value.type
        return value if found is type_ or found == type_ else None

    def _new_name(self, name: str) -> bool:
        bare = name[1:]
        return bare not in self.ssa_values and bare not in self.forward_ssa_references

    @staticmethod
    def _value_spans(match: re.Match[str], group: int, count: int) -> list[tuple[int, int]]:
        if not count:
            return []
        start, text = match.start(group), match.group(group)
        return [(start + m.start(), start + m.end()) for m in VALUE_IN_LIST.finditer(text)]

    def _place(self, op: Operation, operands: Sequence[SSAValue], start: int, name_start: int,
               name_end: int, spans: Sequence[tuple[int, int]], result: str | None,
               end: int) -> Operation:
        """Record `op` as the general path would (uses, definition, op, location); the
        lexer is moved past it by the caller."""
        record = self.record
        index = len(record.ops)
        stack = self._op_stack
        uses = record.value_uses
        for operand, (first, last) in zip(operands, spans, strict=True):
            uses.append(ValueUse(operand, Span(first, last), index))
        if result is not None:
            value = op.results[0]
            bare = result[1:]
            self.ssa_values[bare] = (value,)
            if VALID_NAME.fullmatch(bare):
                value.name_hint = bare
            record.value_defs.append(ValueDef(value, result, 0, 1,
                                              Span(start, start + len(result))))
        record.ops.append(OpRecord(op, Span(name_start, name_end), Span(start, end),
                                   stack[-1] if stack else None))
        if self._make_location is not None:
            op.location = self._make_location(start)
            self._stamped.add(id(op))
        self._last_end = end
        return op

