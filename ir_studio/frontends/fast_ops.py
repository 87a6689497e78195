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

from xdsl.dialects.builtin import UNKNOWN_LOC, FunctionType
from xdsl.ir import Attribute, Block, Operation, OpResult, SSAValue, Use
from xdsl.ir.core import SSAValues

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

VALUE_IN_LIST = re.compile(r"%[^\s,]+")
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


TYPES: dict[str, Attribute] = {}
_FUNCTION_TYPES: dict[tuple[tuple[str, ...], tuple[str, ...]], FunctionType] = {}


def function_type_of(inputs: tuple[str, ...], outputs: tuple[str, ...]) -> FunctionType:
    """Attributes are immutable: one FunctionType per signature of simple types."""
    found = _FUNCTION_TYPES.get((inputs, outputs))
    if found is None:
        found = FunctionType.from_lists([TYPES[t] for t in inputs],
                                        [TYPES[t] for t in outputs])
        if len(_FUNCTION_TYPES) < 4096:
            _FUNCTION_TYPES[(inputs, outputs)] = found
    return found


_CONSTANTS: dict[tuple[str, str], Attribute] = {}


def constant_value(literal: str, type_name: str) -> Attribute | None:
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
        value = IntegerAttr(number, TYPES[type_name])  # pyright: ignore[reportCallIssue, reportArgumentType]  # an integer or index type
    else:
        if "." not in literal:
            return None
        number = float(literal)
        if not abs(number) <= _FLOAT_MAX[type_name]:
            return None
        value = FloatAttr(number, TYPES[type_name])  # pyright: ignore[reportCallIssue, reportArgumentType]  # a float type
    if len(_CONSTANTS) < 4096:
        _CONSTANTS[(literal, type_name)] = value
    return value
