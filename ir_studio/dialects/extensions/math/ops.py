"""math ops xDSL 0.74 lacks: `erfc`, the classification tests `isnan` / `isinf` /
`isfinite` / `isnormal` (an i1 of the operand's shape), `sincos` and `clampf`."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.arith import FastMathFlagsAttr
from xdsl.dialects.math import FloatingPointLikeUnaryMathOperation
from xdsl.ir import Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import bool_like, parse_fastmath, print_fastmath


def ops() -> list[type[Operation]]:
    return list(_OPS)


@irdl_op_definition
class ErfcOp(FloatingPointLikeUnaryMathOperation):
    """The complementary error function, 1 - erf(x)."""

    name = "math.erfc"


def _parse_unary(cls: Any, parser: Parser, result_count: int, bool_result: bool) -> Any:
    """`%x [fastmath<...>] : T`, giving `result_count` results of T (or of i1-like T)."""
    value = parser.parse_unresolved_operand()
    flags = parse_fastmath(parser)
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    operand_type = parser.parse_type()
    result_type = bool_like(operand_type) if bool_result else operand_type
    return cls.create(operands=[parser.resolve_operand(value, operand_type)],
                      result_types=[result_type] * result_count,
                      properties={"fastmath": flags}, attributes=attributes)


def _print_unary(op: Any, printer: Printer) -> None:
    printer.print_string(" ")
    printer.print_operand(op.operand)
    print_fastmath(printer, op.fastmath)
    printer.print_op_attributes(op.attributes)
    printer.print_string(" : ")
    printer.print_attribute(op.operand.type)


def _classification(op_name: str) -> type[Operation]:
    class Classify(IRDLOperation):
        """A floating-point class test: `%b = math.isnan %x : f32`."""

        name = op_name
        operand = operand_def(AnyAttr())
        result = result_def(AnyAttr())
        fastmath = prop_def(FastMathFlagsAttr, default_value=FastMathFlagsAttr("none"))
        traits = traits_def(Pure())

        def verify_(self) -> None:
            if self.result.type != bool_like(self.operand.type):
                raise VerifyException("result must be an i1 of the operand's shape")

        @classmethod
        def parse(cls, parser: Parser) -> Any:
            return _parse_unary(cls, parser, 1, bool_result=True)

        def print(self, printer: Printer) -> None:
            _print_unary(self, printer)

    Classify.__name__ = Classify.__qualname__ = op_name.split(".")[1].title() + "Op"
    return irdl_op_definition(Classify)


@irdl_op_definition
class SinCosOp(IRDLOperation):
    """`%s, %c = math.sincos %x : f32`"""

    name = "math.sincos"
    operand = operand_def(AnyAttr())
    sin = result_def(AnyAttr())
    cos = result_def(AnyAttr())
    fastmath = prop_def(FastMathFlagsAttr, default_value=FastMathFlagsAttr("none"))
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> SinCosOp:
        return _parse_unary(cls, parser, 2, bool_result=False)

    def print(self, printer: Printer) -> None:
        _print_unary(self, printer)


@irdl_op_definition
class ClampFOp(IRDLOperation):
    """`%y = math.clampf %x to [%lo, %hi] : f32`"""

    name = "math.clampf"
    value = operand_def(AnyAttr())
    min = operand_def(AnyAttr())
    max = operand_def(AnyAttr())
    result = result_def(AnyAttr())
    fastmath = prop_def(FastMathFlagsAttr, default_value=FastMathFlagsAttr("none"))
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> ClampFOp:
        value = parser.parse_unresolved_operand()
        parser.parse_keyword("to")
        parser.parse_punctuation("[")
        low = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        high = parser.parse_unresolved_operand()
        parser.parse_punctuation("]")
        flags = parse_fastmath(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        t = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(v, t) for v in (value, low, high)],
                          result_types=[t], properties={"fastmath": flags},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.value)
        printer.print_string(" to [")
        printer.print_list([self.min, self.max], printer.print_operand)
        printer.print_string("]")
        print_fastmath(printer, self.fastmath)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)


_OPS = (ErfcOp, *(_classification(f"math.{n}") for n in ("isnan", "isinf", "isfinite",
                                                         "isnormal")),
        SinCosOp, ClampFOp)
