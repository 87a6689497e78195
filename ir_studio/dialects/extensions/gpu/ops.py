"""gpu ops xDSL 0.74 lacks or defines with an outdated set of reductions:
`gpu.all_reduce`, `gpu.subgroup_reduce`, `gpu.shuffle` and `gpu.printf`, with MLIR's
syntax. Reduction and shuffle kinds are kept as strings."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import IntegerAttr, IntegerType, StringAttr, UnitAttr, i1, i32
from xdsl.ir import Operation, SSAValue
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    region_def,
    result_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_word_from

REDUCTIONS = ("add", "mul", "minui", "minsi", "minnumf", "maxui", "maxsi", "maxnumf", "and",
              "or", "xor", "minimumf", "maximumf")
SHUFFLE_MODES = ("xor", "up", "down", "idx")


def ops() -> list[type[Operation]]:
    return [AllReduceOp, SubgroupReduceOp, ShuffleOp, PrintfOp]


def keyword(attr: Any) -> str:
    """The enum's word: ours are strings, MLIR's generic form gives `#gpu<kind add>`."""
    if isinstance(attr, StringAttr):
        return attr.data
    text = str(attr)
    return text[text.rfind("<") + 1: text.rfind(">")].split()[-1]


def _optional_word(parser: Parser, choices: tuple[str, ...]) -> str | None:
    for choice in choices:
        if parser.parse_optional_keyword(choice) is not None:
            return choice
    return None


def _unary_function_type(parser: Parser) -> tuple[Any, Any]:
    """`(T) -> T` or `(T) -> (T)`."""
    function_type = parser.parse_function_type()
    if len(function_type.inputs.data) != 1 or len(function_type.outputs.data) != 1:
        parser.raise_error("expected a type of the form (T) -> T")
    return function_type.inputs.data[0], function_type.outputs.data[0]


@irdl_op_definition
class AllReduceOp(IRDLOperation):
    """`gpu.all_reduce add %v uniform {} : (f32) -> f32`, or with a reduction body."""

    name = "gpu.all_reduce"
    value = operand_def(AnyAttr())
    result = result_def(AnyAttr())
    op = opt_prop_def(AnyAttr())  # "add", or MLIR's #gpu<all_reduce_op add>
    uniform = opt_prop_def(UnitAttr)
    body = region_def()

    def verify_(self) -> None:
        has_body = bool(self.body.blocks and self.body.block.ops)
        if (self.op is None) == (not has_body):
            raise VerifyException("expected either an op attribute or a non-empty body")
        if self.value.type != self.result.type:
            raise VerifyException("expected the result type to be the operand type")

    @classmethod
    def parse(cls, parser: Parser) -> AllReduceOp:
        kind = _optional_word(parser, REDUCTIONS)
        value = parser.parse_unresolved_operand()
        uniform = parser.parse_optional_keyword("uniform") is not None
        body = parser.parse_region()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        operand_type, result_type = _unary_function_type(parser)
        properties: dict[str, Any] = {}
        if kind is not None:
            properties["op"] = StringAttr(kind)
        if uniform:
            properties["uniform"] = UnitAttr()
        return cls.create(operands=[parser.resolve_operand(value, operand_type)],
                          result_types=[result_type], properties=properties,
                          attributes=attributes, regions=[body])

    def print(self, printer: Printer) -> None:
        if self.op is not None:
            printer.print_string(f" {keyword(self.op)}")
        printer.print_string(" ")
        printer.print_operand(self.value)
        if self.uniform is not None:
            printer.print_string(" uniform")
        printer.print_string(" ")
        printer.print_region(self.body)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : (")
        printer.print_attribute(self.value.type)
        printer.print_string(") -> ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class SubgroupReduceOp(IRDLOperation):
    """`gpu.subgroup_reduce add %v [uniform] [cluster(size = 4[, stride = 2])] : (f32) -> f32`"""

    name = "gpu.subgroup_reduce"
    value = operand_def(AnyAttr())
    result = result_def(AnyAttr())
    op = opt_prop_def(AnyAttr())
    uniform = opt_prop_def(UnitAttr)
    cluster_size = opt_prop_def(IntegerAttr)
    cluster_stride = opt_prop_def(IntegerAttr)

    @classmethod
    def parse(cls, parser: Parser) -> SubgroupReduceOp:
        kind = parse_word_from(parser, REDUCTIONS)
        value = parser.parse_unresolved_operand()
        properties: dict[str, Any] = {"op": StringAttr(kind)}
        if parser.parse_optional_keyword("uniform") is not None:
            properties["uniform"] = UnitAttr()
        if parser.parse_optional_keyword("cluster") is not None:
            parser.parse_punctuation("(")
            parser.parse_keyword("size")
            parser.parse_punctuation("=")
            properties["cluster_size"] = IntegerAttr(parser.parse_integer(), i32)
            if parser.parse_optional_punctuation(",") is not None:
                parser.parse_keyword("stride")
                parser.parse_punctuation("=")
                properties["cluster_stride"] = IntegerAttr(parser.parse_integer(), i32)
            parser.parse_punctuation(")")
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        operand_type, result_type = _unary_function_type(parser)
        return cls.create(operands=[parser.resolve_operand(value, operand_type)],
                          result_types=[result_type], properties=properties,
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(f" {keyword(self.op) if self.op else 'add'} ")
        printer.print_operand(self.value)
        if self.uniform is not None:
            printer.print_string(" uniform")
        if self.cluster_size is not None:
            printer.print_string(f" cluster(size = {self.cluster_size.value.data}")
            if self.cluster_stride is not None:
                printer.print_string(f", stride = {self.cluster_stride.value.data}")
            printer.print_string(")")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : (")
        printer.print_attribute(self.value.type)
        printer.print_string(") -> ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class ShuffleOp(IRDLOperation):
    """`%r, %valid = gpu.shuffle xor %v, %offset, %width : f32`"""

    name = "gpu.shuffle"
    value = operand_def(AnyAttr())
    offset = operand_def(IntegerType)
    width = operand_def(IntegerType)
    shuffleResult = result_def(AnyAttr())
    valid = result_def(i1)
    mode = opt_prop_def(AnyAttr())

    @classmethod
    def parse(cls, parser: Parser) -> ShuffleOp:
        mode = parse_word_from(parser, SHUFFLE_MODES)
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        offset = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        width = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        value_type = parser.parse_type()
        return cls.create(
            operands=[parser.resolve_operand(value, value_type),
                      parser.resolve_operand(offset, i32), parser.resolve_operand(width, i32)],
            result_types=[value_type, i1], properties={"mode": StringAttr(mode)},
            attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(f" {keyword(self.mode) if self.mode else 'xor'} ")
        printer.print_list([self.value, self.offset, self.width], printer.print_operand)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.value.type)


@irdl_op_definition
class PrintfOp(IRDLOperation):
    """`gpu.printf "x = %d\\n", %x : i32`"""

    name = "gpu.printf"
    args = var_operand_def()
    format = opt_prop_def(StringAttr)

    @classmethod
    def parse(cls, parser: Parser) -> PrintfOp:
        text = parser.parse_str_literal()
        names: list[Any] = []
        if parser.parse_optional_punctuation(",") is not None:
            names = [parser.parse_unresolved_operand()]
            while parser.parse_optional_punctuation(",") is not None:
                names.append(parser.parse_unresolved_operand())
        attributes = parser.parse_optional_attr_dict()
        operands: list[SSAValue] = []
        if names:
            parser.parse_punctuation(":")
            types = [parser.parse_type()]
            while parser.parse_optional_punctuation(",") is not None:
                types.append(parser.parse_type())
            if len(types) != len(names):
                parser.raise_error(f"expected {len(names)} types, got {len(types)}")
            operands = [parser.resolve_operand(n, t) for n, t in zip(names, types, strict=True)]
        return cls.create(operands=operands, properties={"format": StringAttr(text)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_string_literal(self.format.data if self.format else "")
        if self.args:
            printer.print_string(", ")
            printer.print_list(self.args, printer.print_operand)
        printer.print_op_attributes(self.attributes)
        if self.args:
            printer.print_string(" : ")
            printer.print_list([v.type for v in self.args], printer.print_attribute)

