"""`complex.powi`, which xDSL 0.74 lacks, with MLIR's syntax and main checks."""

from __future__ import annotations

from xdsl.dialects.arith import FastMathFlagsAttr
from xdsl.dialects.builtin import (
    ComplexType,
    IntegerType,
)
from xdsl.ir import Operation
from xdsl.irdl import (
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

from ir_studio.dialects.extensions.formats import parse_fastmath, print_fastmath


def ops() -> list[type[Operation]]:
    return [PowIOp]


@irdl_op_definition
class PowIOp(IRDLOperation):
    name = "complex.powi"
    lhs = operand_def(ComplexType)
    rhs = operand_def(IntegerType)
    result = result_def(ComplexType)
    fastmath = prop_def(FastMathFlagsAttr, default_value=FastMathFlagsAttr("none"))
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> PowIOp:
        lhs = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        rhs = parser.parse_unresolved_operand()
        flags = parse_fastmath(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        lhs_type = parser.parse_type()
        parser.parse_punctuation(",")
        rhs_type = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(lhs, lhs_type),
                                    parser.resolve_operand(rhs, rhs_type)],
                          result_types=[lhs_type], properties={"fastmath": flags},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list((self.lhs, self.rhs), printer.print_operand)
        print_fastmath(printer, self.fastmath)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)
        printer.print_string(", ")
        printer.print_attribute(self.rhs.type)
