"""`gpu.memset`, which xDSL 0.74 lacks, with MLIR 22's syntax (GPUOps.td):

    %t1 = gpu.memset async [%t0] %buffer, %value : memref<16xf32>, f32
"""

from __future__ import annotations

from xdsl.dialects import gpu
from xdsl.dialects.builtin import (
    MemRefType,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_result_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import consumed_end
from ir_studio.dialects.extensions.gpu.async_ops import parse_async, print_async


def ops() -> list[type[Operation]]:
    return [MemsetOp]


@irdl_op_definition
class MemsetOp(IRDLOperation):
    """`gpu.memset [async] [[%deps]] %dst, %value : memref<...>, T`"""

    name = "gpu.memset"
    asyncDependencies = var_operand_def(gpu.AsyncTokenType)
    dst = operand_def(AnyAttr())
    value = operand_def(AnyAttr())
    asyncToken = opt_result_def(gpu.AsyncTokenType)

    def verify_(self) -> None:
        if not isinstance(self.dst.type, MemRefType):
            number = len(self.asyncDependencies)
            raise VerifyException(f"operand #{number} must be memref of any type values, but "
                                  f"got '{self.dst.type}'")

    @classmethod
    def parse(cls, parser: Parser) -> MemsetOp:
        is_async, dependencies = parse_async(parser)
        dst = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        start = parser.pos
        dst_type = parser.parse_type()
        if not isinstance(dst_type, MemRefType):
            parser.raise_error(f"invalid kind of type specified: expected builtin.memref, "
                               f"but found '{dst_type}'", start, consumed_end(parser))
        parser.parse_punctuation(",")
        value_type = parser.parse_type()
        attributes = parser.parse_optional_attr_dict()
        return cls.create(operands=[*dependencies, parser.resolve_operand(dst, dst_type),
                                    parser.resolve_operand(value, value_type)],
                          result_types=[gpu.AsyncTokenType()] if is_async else [],
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        print_async(printer, self.asyncToken, self.asyncDependencies)
        printer.print_string(" ")
        printer.print_operand(self.dst)
        printer.print_string(", ")
        printer.print_operand(self.value)
        printer.print_string(" : ")
        printer.print_attribute(self.dst.type)
        printer.print_string(", ")
        printer.print_attribute(self.value.type)
        printer.print_op_attributes(self.attributes)
