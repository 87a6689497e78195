"""MLIR's arith casts and compares take vectors and tensors as well as scalars
(`arith.extui %m : vector<4xi1> to vector<4xi32>`, `arith.cmpi` giving `vector<4xi1>`);
xDSL 0.74's casts take scalars only and its compares always give `i1`. This loosens
their constraints and checks MLIR's rules instead: same shape, element kinds as the op
says, widths that grow or shrink as its name says, and an i1 of the operands' shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xdsl.dialects import arith
from xdsl.dialects.builtin import (
    AnyFloat,
    IndexType,
    IntegerType,
    MemRefType,
    TensorType,
    UnrankedTensorType,
    VectorType,
    i1,
)
from xdsl.irdl import AnyAttr, IRDLOperation
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.arith.extra_ops import IndexCastUIOp
from ir_studio.dialects.extensions.formats import (
    add_verifier,
    attach_syntax,
    bool_like,
    replace_constraints,
)


def _is_int(t: Any) -> bool:
    return isinstance(t, IntegerType)


def _is_float(t: Any) -> bool:
    return isinstance(t, AnyFloat)


def _is_index(t: Any) -> bool:
    return isinstance(t, IndexType)


def _is_int_or_index(t: Any) -> bool:
    return isinstance(t, IntegerType | IndexType)


def _one_index(a: Any, b: Any) -> bool:
    return _is_index(a) != _is_index(b)


def _width(t: Any) -> int:
    return t.width.data if isinstance(t, IntegerType) else t.bitwidth


def _wider(a: Any, b: Any) -> bool:
    return _width(b) > _width(a)


def _narrower(a: Any, b: Any) -> bool:
    return _width(b) < _width(a)


# op -> (input element test, result element test, width rule and its message)
_RULES: dict[type[IRDLOperation], tuple[Callable[[Any], bool], Callable[[Any], bool],
                                         tuple[Callable[[Any, Any], bool], str] | None]] = {
    arith.ExtUIOp: (_is_int, _is_int, (_wider, "wider")),
    arith.ExtSIOp: (_is_int, _is_int, (_wider, "wider")),
    arith.TruncIOp: (_is_int, _is_int, (_narrower, "shorter")),
    arith.ExtFOp: (_is_float, _is_float, (_wider, "wider")),
    arith.TruncFOp: (_is_float, _is_float, (_narrower, "shorter")),
    arith.SIToFPOp: (_is_int, _is_float, None),
    arith.UIToFPOp: (_is_int, _is_float, None),
    arith.FPToSIOp: (_is_float, _is_int, None),
    arith.FPToUIOp: (_is_float, _is_int, None),
    # index casts of scalars, vectors, tensors and memrefs: exactly one side is index
    arith.IndexCastOp: (_is_int_or_index, _is_int_or_index, (_one_index, "")),
    IndexCastUIOp: (_is_int_or_index, _is_int_or_index, (_one_index, "")),
}


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    for cls in _RULES:
        replace_constraints(cls, {"input": AnyAttr(), "result": AnyAttr()})
        cls.verify_ = _verify
    for compare in (arith.CmpiOp, arith.CmpfOp):
        replace_constraints(compare, {"result": AnyAttr()})
        compare.parse = classmethod(_shaped_compare(compare.parse.__func__))  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class
        add_verifier(compare, _check_compare_result)
    replace_constraints(arith.SelectOp, {"cond": AnyAttr()})
    attach_syntax(arith.SelectOp, _parse_select, _print_select)
    add_verifier(arith.SelectOp, _check_select_condition)


def _parse_select(cls: Any, parser: Parser) -> Any:
    """`%c, %a, %b : T`, or with a shaped condition `: vector<4xi1>, vector<4xT>`."""
    operands = [parser.parse_unresolved_operand()]
    for _ in range(2):
        parser.parse_punctuation(",")
        operands.append(parser.parse_unresolved_operand())
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    value_type = parser.parse_type()
    condition_type: Any = i1
    if parser.parse_optional_punctuation(",") is not None:
        condition_type, value_type = value_type, parser.parse_type()
    resolved = [parser.resolve_operand(operands[0], condition_type),
                *(parser.resolve_operand(o, value_type) for o in operands[1:])]
    return cls.create(operands=resolved, result_types=[value_type], attributes=attributes)


def _print_select(self: Any, printer: Printer) -> None:
    printer.print_string(" ")
    printer.print_list(self.operands, printer.print_operand)
    printer.print_op_attributes(self.attributes)
    printer.print_string(" : ")
    if self.cond.type != i1:
        printer.print_attribute(self.cond.type)
        printer.print_string(", ")
    printer.print_attribute(self.result.type)


def _check_select_condition(op: Any) -> None:
    condition = op.cond.type
    if condition != i1 and condition != bool_like(op.result.type):
        raise VerifyException(f"expected condition type to have the same shape as the "
                              f"result type, expected '{bool_like(op.result.type)}', but got "
                              f"'{condition}'")


def _shaped_compare(parse: Callable[[Any, Parser], Any]) -> Callable[[Any, Parser], Any]:
    """xDSL's parser gives every compare an `i1`; vectors and tensors get theirs."""

    def wrapped(cls: Any, parser: Parser) -> Any:
        op = parse(cls, parser)
        operand_type = op.lhs.type
        if not isinstance(operand_type, VectorType | TensorType | UnrankedTensorType):
            return op
        result_type = bool_like(operand_type)
        shaped = cls.create(operands=list(op.operands), result_types=[result_type],
                            properties=dict(op.properties), attributes=dict(op.attributes))
        op.drop_all_references()
        return shaped

    return wrapped


def _check_compare_result(op: Any) -> None:
    expected = bool_like(op.lhs.type)
    if op.result.type != expected:
        raise VerifyException(f"result #0 must be '{expected}', but got '{op.result.type}'")


def _element(t: Any) -> tuple[Any, tuple[int, ...] | None, str]:
    if isinstance(t, VectorType | TensorType | MemRefType):
        return t.element_type, tuple(t.get_shape()), type(t).__name__
    if isinstance(t, UnrankedTensorType):
        return t.element_type, None, "UnrankedTensorType"
    return t, (), "scalar"


def _verify(self: Any) -> None:
    in_type, out_type = self.input.type, self.result.type
    in_elem, in_shape, in_kind = _element(in_type)
    out_elem, out_shape, out_kind = _element(out_type)
    in_ok, out_ok, width_rule = _RULES[type(self)]
    incompatible = VerifyException(f"operand type '{in_type}' and result type '{out_type}' "
                                   "are cast incompatible")
    tensors = {"TensorType", "UnrankedTensorType"}
    same_container = in_kind == out_kind or {in_kind, out_kind} <= tensors
    if not (in_ok(in_elem) and out_ok(out_elem) and same_container):
        raise incompatible
    if in_shape is not None and out_shape is not None and in_shape != out_shape:
        raise incompatible
    if width_rule is not None:
        rule, word = width_rule
        if not rule(in_elem, out_elem) and not word:
            raise incompatible
        if not rule(in_elem, out_elem):
            raise VerifyException(f"result type '{out_type}' must be {word} than operand "
                                  f"type '{in_type}'")

