"""`linalg.softmax` (a linalg op that is not structured: no hidden body, its own syntax).
The windowed named ops are generated: `generated.py`."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import IntegerAttr, MemRefType, TensorType, i64
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    prop_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException


def ops() -> list[type[Operation]]:
    return [SoftmaxOp]


@irdl_op_definition
class SoftmaxOp(IRDLOperation):
    """`linalg.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%y : tensor<4x8xf32>)
    -> tensor<4x8xf32>` (not a structured op: no hidden body)."""

    name = "linalg.softmax"
    input = operand_def(base(TensorType) | base(MemRefType))
    output = operand_def(base(TensorType) | base(MemRefType))
    result = var_result_def(TensorType)
    dimension = prop_def(IntegerAttr)

    def verify_(self) -> None:
        source, target = self.input.type, self.output.type
        if tuple(source.get_shape()) != tuple(target.get_shape()):  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            raise VerifyException("incompatible output shape")
        if not 0 <= self.dimension.value.data < len(source.get_shape()):  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            raise VerifyException("incorrect dimension specified")

    @classmethod
    def parse(cls, parser: Parser) -> SoftmaxOp:
        parser.parse_keyword("dimension")
        parser.parse_punctuation("(")
        dimension = parser.parse_integer(allow_boolean=False)
        parser.parse_punctuation(")")
        attributes = parser.parse_optional_attr_dict()
        operands = []
        for keyword in ("ins", "outs"):
            parser.parse_keyword(keyword)
            parser.parse_punctuation("(")
            value = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            operands.append(parser.resolve_operand(value, parser.parse_type()))
            parser.parse_punctuation(")")
        results: list[Any] = []
        if parser.parse_optional_punctuation("->") is not None:
            results = [parser.parse_type()]
        return cls.create(operands=operands, result_types=results, attributes=attributes,
                          properties={"dimension": IntegerAttr(dimension, i64)})

    def print(self, printer: Printer) -> None:
        printer.print_string(f" dimension({self.dimension.value.data})")
        printer.print_op_attributes(self.attributes)
        for keyword, value in (("ins", self.input), ("outs", self.output)):
            printer.print_string(f" {keyword}(")
            printer.print_operand(value)
            printer.print_string(" : ")
            printer.print_attribute(value.type)
            printer.print_string(")")
        if self.results:
            printer.print_string(" -> ")
            printer.print_attribute(self.results[0].type)

