"""The parser's fast paths: the commonest one-line operations built without xDSL's
generic machinery (declarative-format interpreter, `Operation.__init__`'s general
argument handling, one lexer token at a time).

A line takes a fast path only when the general path would certainly accept it and
build the same thing: every operand already defined with exactly the written type,
the result name new, the op classes the registered ones, nothing else on the line
(no `loc(...)`, no attribute dictionary). Anything else — a forward reference, a
type mismatch, a redefinition, an unusual spelling — is left untouched for the
general path, which parses it and reports MLIR's error at MLIR's place. The records
(spans, uses, definitions, symbol tokens) are the ones the general path would make,
in the same order; tests/core/test_fast_paths.py compares both paths on a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from xdsl.context import Context
from xdsl.dialects.builtin import UNKNOWN_LOC, FunctionType, StringAttr, SymbolRefAttr
from xdsl.ir import Attribute, Block, Operation, OpResult, SSAValue, Use
from xdsl.ir.core import SSAValues
from xdsl.parser import Parser
from xdsl.utils.lexer import Span as XSpan
from xdsl.utils.mlir_lexer import MLIRTokenKind

from ir_studio.frontends.records import NamedRef, OpRecord, ParseRecord, ValueDef, ValueUse
from ir_studio.source import Span

_VALUE = r"%(?:[0-9]+|[A-Za-z$._\-][A-Za-z0-9$._\-]*)(?![A-Za-z0-9$._\-])"
"""An SSA name exactly as the lexer reads one (`%12abc` is two tokens: no match)."""
_SIMPLE_TYPE = r"i16|i1|i8|i32|i64|index|f16|bf16|f32|f64"
_END = r"(?=[ \t]*(?:\n|//|$))"

BINARY = re.compile(
    rf"({_VALUE})[ \t]*=[ \t]*(arith\.)"
    r"(addi|subi|muli|andi|ori|xori|addf|subf|mulf|divf|maxsi|minsi)[ \t]+"
    rf"({_VALUE})[ \t]*,[ \t]*({_VALUE})[ \t]*:[ \t]*"
    rf"({_SIMPLE_TYPE}){_END}", re.ASCII
)
"""`%r = arith.addi %a, %b : i32`: groups result, dialect, op, lhs, rhs, type."""

RETURN = re.compile(
    rf"((?:func\.)?return)(?:[ \t]+({_VALUE}(?:[ \t]*,[ \t]*{_VALUE})*)[ \t]*:[ \t]*"
    rf"((?:{_SIMPLE_TYPE})(?:[ \t]*,[ \t]*(?:{_SIMPLE_TYPE}))*))?{_END}", re.ASCII
)
"""`return %a, %b : i32, f32` or a bare `return`: groups name, operands, types."""

CALL = re.compile(
    rf"(?:({_VALUE})[ \t]*=[ \t]*)?(func\.call)[ \t]+(@[A-Za-z_][\w$.]*)[ \t]*\([ \t]*"
    rf"((?:{_VALUE})(?:[ \t]*,[ \t]*{_VALUE})*)?[ \t]*\)[ \t]*:[ \t]*"
    rf"\([ \t]*((?:{_SIMPLE_TYPE})(?:[ \t]*,[ \t]*(?:{_SIMPLE_TYPE}))*)?[ \t]*\)[ \t]*->"
    rf"[ \t]*(?:\([ \t]*\)|({_SIMPLE_TYPE})){_END}", re.ASCII
)
"""`%r = func.call @f(%a, %b) : (i32, i32) -> i32` (one result or `-> ()` and none):
groups result, name, callee, operands, operand types, result type."""

CONSTANT = re.compile(
    rf"({_VALUE})[ \t]*=[ \t]*(arith\.constant)[ \t]+"
    r"(-?[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?)[ \t]*:[ \t]*"
    rf"(i8|i16|i32|i64|index|f32|f64){_END}", re.ASCII
)
"""`%c = arith.constant 42 : i32` or `... -1.5 : f32`: groups result, name, literal, type
(i1, f16, bf16, hexadecimal and special literals take the general path)."""
_INT_BITS = {"i8": 8, "i16": 16, "i32": 32, "i64": 64, "index": 64}
_FLOAT_MAX = {"f32": 3.4028234663852886e38, "f64": 1.7976931348623157e308}

_ARG = rf"{_VALUE}[ \t]*:[ \t]*(?:{_SIMPLE_TYPE})"
_TYPE_LIST = rf"(?:{_SIMPLE_TYPE})(?:[ \t]*,[ \t]*(?:{_SIMPLE_TYPE}))*"
HEADER = re.compile(
    rf"(func\.func)[ \t]+(?:(private|public|nested)[ \t]+)?(@[A-Za-z_][\w$.]*)[ \t]*\("
    rf"[ \t]*({_ARG}(?:[ \t]*,[ \t]*{_ARG})*)?[ \t]*\)"
    rf"(?:[ \t]*->[ \t]*(?:({_SIMPLE_TYPE})|\([ \t]*({_TYPE_LIST})?[ \t]*\)))?"
    r"[ \t]*(?=\{)", re.ASCII
)
"""`func.func private @f(%a: i32, %b: f32) -> (i32, f32) {` up to its body: groups name,
visibility, symbol, arguments, one result type, parenthesised result types."""
ARG = re.compile(rf"({_VALUE})[ \t]*:[ \t]*({_SIMPLE_TYPE})", re.ASCII)

SEPARATOR = re.compile(r"[ \t]*,[ \t]*")
NEXT_TOKEN = re.compile(r"(?:\s+|//[^\n]*)*", re.ASCII)
"""What the lexer skips before a token (ir_studio/frontends/lexer.py `_WS`)."""
VALID_NAME = re.compile(r"[A-Za-z_$.-][\w$.-]*")
"""xDSL gives a value its name as a hint only when it is a valid identifier."""

FLOAT_OPS = frozenset({"addf", "subf", "mulf", "divf"})
FLOAT_TYPES = frozenset({"f16", "bf16", "f32", "f64"})


def build_op(op_class: type[Operation], operands: Sequence[SSAValue],
             result_types: Sequence[Attribute], properties: dict[str, Attribute]) -> Operation:
    """What `op_class.create(...)` builds for an op without regions, successors or
    attributes, whose `properties` are complete (defaults included): `Operation.__init__`
    handles every case generically and costs about twice as much."""
    op = op_class.__new__(op_class)
    uses = tuple([Use(op, index) for index in range(len(operands))])
    for value, use in zip(operands, uses, strict=True):
        value.add_use(use)
    op._operands = SSAValues(operands)
    op._operand_uses = uses
    op.results = SSAValues([OpResult(type_, op, index) for index, type_ in enumerate(result_types)])
    op._successors = ()
    op._successor_uses = ()
    op.properties = properties
    op.attributes = {}
    op.location = UNKNOWN_LOC
    op.regions = ()
    op.parent = None
    op._next_op = None
    op._prev_op = None
    return op


def build_binary(op_class: type[Operation], lhs: SSAValue, rhs: SSAValue, type_: Attribute,
                 properties: dict[str, Attribute]) -> Operation:
    """`build_op` for two operands and one result, unrolled (the commonest op)."""
    op = op_class.__new__(op_class)
    first, second = Use(op, 0), Use(op, 1)
    lhs.add_use(first)
    rhs.add_use(second)
    op._operands = SSAValues((lhs, rhs))
    op._operand_uses = (first, second)
    op.results = SSAValues((OpResult(type_, op, 0),))
    op._successors = ()
    op._successor_uses = ()
    op.properties = properties
    op.attributes = {}
    op.location = UNKNOWN_LOC
    op.regions = ()
    op.parent = None
    op._next_op = None
    op._prev_op = None
    return op


def append_op(block: Block, op: Operation) -> None:
    """`block.add_op(op)` for an op built here (never in a block yet)."""
    last = block._last_op  # Block.add_op's own fields
    op.parent = block
    if last is None:
        block._first_op = op
    else:
        last._next_op = op
        op._prev_op = last
    block._last_op = op


class OpKinds:
    """The registered classes the fast paths build, looked up once per context: if a
    context maps a name to another class (an extension replaced the op), the fast path
    for it is off and the general path parses it with that class."""

    _by_context: dict[int, OpKinds] = {}

    def __init__(self, ctx: Any) -> None:
        from xdsl.dialects import arith, func

        binary = {
            "addi": arith.AddiOp, "subi": arith.SubiOp, "muli": arith.MuliOp,
            "andi": arith.AndIOp, "ori": arith.OrIOp, "xori": arith.XOrIOp,
            "addf": arith.AddfOp, "subf": arith.SubfOp, "mulf": arith.MulfOp,
            "divf": arith.DivfOp, "maxsi": arith.MaxSIOp, "minsi": arith.MinSIOp,
        }
        self.binary: dict[str, tuple[type[Operation], dict[str, Attribute]]] = {}
        for name, op_class in binary.items():
            if _registered(ctx, op_class) and _own_parse(op_class):
                self.binary[name] = (op_class, _default_properties(op_class))
        self.func = func.FuncOp if _registered(ctx, func.FuncOp) and _own_function_parse(
            func.FuncOp) else None
        self.call = func.CallOp if _registered(ctx, func.CallOp) and _own_parse(
            func.CallOp) else None
        self.call_checked = self.call is not None and _no_rules_but_xdsl(self.call)
        """func.call as the fast path builds it (any operands and results, a flat callee)
        passes xDSL's verifier by construction, so it is verified only if ir-studio has
        rules of its own for it; its symbol is checked with the symbol table."""
        self.constant = arith.ConstantOp if _registered(ctx, arith.ConstantOp) and _own_parse(
            arith.ConstantOp) else None
        self.ret = func.ReturnOp if _registered(ctx, func.ReturnOp) and _own_parse(
            func.ReturnOp) else None
        self.return_checked = self.ret is not None and _no_rules_but_xdsl(
            self.ret, "xdsl.dialects.func:ReturnOp.verify_")
        """func.return directly in a fast-path function, with its operand types the
        function's result types and last in its block, passes xDSL's verifier (HasParent,
        IsTerminator, ReturnLike and the type check) by construction."""

    @classmethod
    def of(cls, ctx: Any) -> OpKinds:
        found = cls._by_context.get(id(ctx))
        if found is None or found._ctx_ref is not ctx:
            found = cls(ctx)
            found._ctx_ref = ctx
            cls._by_context[id(ctx)] = found
        return found

    _ctx_ref: Any = None


def _registered(ctx: Any, op_class: type[Operation]) -> bool:
    return ctx.get_optional_op(op_class.name) is op_class


def _own_parse(op_class: type[Operation]) -> bool:
    """The class still parses with xDSL's own declarative format (no syntax attached
    over it) and verifies with xDSL's own verifier (no check added)."""
    parse = getattr(getattr(op_class, "parse", None), "__func__", None)
    return (getattr(parse, "__module__", None) == "xdsl.irdl.operations"
            and getattr(parse, "__qualname__", "").endswith(".parse_with_format")
            and "_ir_studio_checked" not in vars(op_class))


def _no_rules_but_xdsl(op_class: type[Operation], own_verifier: str | None = None) -> bool:
    """No check of ir-studio's applies to the op beyond xDSL's own verifier, whose
    class-specific part is none or `own_verifier` (module:qualname, what the fast path
    checks itself)."""
    from ir_studio.extra_verifiers import EXTRA_VERIFIERS
    from ir_studio.pre_verifiers import PRE_VERIFIERS
    from ir_studio.structural_checks import linalg_result_check

    name = op_class.name
    verify = getattr(op_class, "verify_", None)
    if getattr(verify, "__qualname__", "") != "get_accessors_from_op_def.<locals>.verify_":
        return False  # replaced after the definition
    cells = dict(zip(verify.__code__.co_freevars,  # pyright: ignore[reportOptionalMemberAccess]  # IRDL's generated verifier, a closure
                     (cell.cell_contents for cell in verify.__closure__ or ()), strict=True))  # pyright: ignore[reportOptionalMemberAccess]  # as above
    custom = cells.get("custom_verify")
    if custom not in (None, Operation.verify_) and own_verifier != (
            f"{getattr(custom, '__module__', '')}:{getattr(custom, '__qualname__', '')}"):
        return False  # the class has a verifier of its own
    return (name not in PRE_VERIFIERS and name not in EXTRA_VERIFIERS
            and linalg_result_check(name) is None)


def _own_function_parse(op_class: type[Operation]) -> bool:
    parse = getattr(getattr(op_class, "parse", None), "__func__", None)
    return (getattr(parse, "__module__", None) == "xdsl.dialects.func"
            and getattr(parse, "__qualname__", "") == "FuncOp.parse")


def _default_properties(op_class: type[Operation]) -> dict[str, Attribute]:
    """The properties the op's declarative format leaves it with (its defaults)."""
    from xdsl.irdl.operations import OptionalDef

    definition = op_class.get_irdl_definition()  # pyright: ignore[reportAttributeAccessIssue]  # an IRDL op class
    return {name: prop.default_value for name, prop in definition.properties.items()
            if not isinstance(prop, OptionalDef) and prop.default_value is not None}


def split_values(text: str | None) -> list[str]:
    return SEPARATOR.split(text) if text else []


def simple_types() -> dict[str, Attribute]:
    from xdsl.dialects.builtin import (
        BFloat16Type,
        Float16Type,
        Float32Type,
        Float64Type,
        IndexType,
        IntegerType,
    )

    types: dict[str, Attribute] = {f"i{w}": IntegerType(w) for w in (1, 8, 16, 32, 64)}
    types.update(index=IndexType(), f16=Float16Type(), bf16=BFloat16Type(), f32=Float32Type(),
                 f64=Float64Type())
    return types


_TYPES: dict[str, Attribute] = {}
_BARE_IDENT = MLIRTokenKind.BARE_IDENT
_FUNCTION_TYPES: dict[tuple[tuple[str, ...], tuple[str, ...]], FunctionType] = {}


def _function_type(inputs: tuple[str, ...], outputs: tuple[str, ...]) -> FunctionType:
    """Attributes are immutable: one FunctionType per signature of simple types."""
    found = _FUNCTION_TYPES.get((inputs, outputs))
    if found is None:
        found = FunctionType.from_lists([_TYPES[t] for t in inputs],
                                        [_TYPES[t] for t in outputs])
        if len(_FUNCTION_TYPES) < 4096:
            _FUNCTION_TYPES[(inputs, outputs)] = found
    return found


_CONSTANTS: dict[tuple[str, str], Attribute] = {}


def _constant_value(literal: str, type_name: str) -> Attribute | None:
    """The attribute `literal : type_name` parses to, when it surely parses (integers in
    the type's signed range, finite float literals with a fraction on f32 / f64)."""
    found = _CONSTANTS.get((literal, type_name))
    if found is not None:
        return found
    from xdsl.dialects.builtin import FloatAttr, IntegerAttr

    bits = _INT_BITS.get(type_name)
    value: Attribute
    if bits is not None:
        if "." in literal:
            return None
        number = int(literal)
        if not -(1 << (bits - 1)) <= number < 1 << (bits - 1):
            return None
        value = IntegerAttr(number, _TYPES[type_name])  # pyright: ignore[reportCallIssue, reportArgumentType]  # an integer or index type
    else:
        if "." not in literal:
            return None
        number = float(literal)
        if not abs(number) <= _FLOAT_MAX[type_name]:
            return None
        value = FloatAttr(number, _TYPES[type_name])  # pyright: ignore[reportCallIssue, reportArgumentType]  # a float type
    if len(_CONSTANTS) < 4096:
        _CONSTANTS[(literal, type_name)] = value
    return value


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
        if not _TYPES:
            _TYPES.update(simple_types())

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
        type_ = _TYPES[type_name]
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
        value = _constant_value(literal, type_name)
        if value is None:
            return None  # out of range, or a decimal for a float: the general path's error
        op = build_op(kinds.constant, (), (_TYPES[type_name],), {"value": value})
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
        op = build_op(kinds.call, operands, (_TYPES[result_type],) if result_type else (),
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
                arguments.append(Parser.Argument(name, _TYPES[arg.group(2)]))
        output_names = [one_result] if one_result else split_values(results_text)
        function_type = _function_type(tuple(input_names), tuple(output_names))
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
            value = self._defined(value_name, _TYPES[type_name])
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


VALUE_IN_LIST = re.compile(r"%[^\s,]+")
