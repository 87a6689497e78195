"""`gpu.subgroup_broadcast`, `gpu.rotate` and `gpu.dynamic_shared_memory` (MLIR 22's
GPUOps.td), which xDSL 0.74 lacks:

    %v = gpu.subgroup_broadcast %x, specific_lane %lane : f32
    %r, %valid = gpu.rotate %x, 1, 16 : f32
    %s = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
"""

from __future__ import annotations

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    IntegerAttr,
    IntegerType,
    MemRefType,
    StringAttr,
    UnregisteredAttr,
    i32,
)
from xdsl.ir import Attribute, Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    prop_def,
    result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import consumed_end
from ir_studio.dialects.extensions.gpu.ops import keyword

BROADCASTS = ("first_active_lane", "specific_lane")  # gpu::BroadcastType
WORKGROUP = "#gpu.address_space<workgroup>"


def ops() -> list[type[Operation]]:
    return [SubgroupBroadcastOp, RotateOp, DynamicSharedMemoryOp]


def _broadcast_attr(parser: Parser, word: str) -> Attribute:
    """MLIR's `#gpu<broadcast first_active_lane>` (opaque in xDSL)."""
    opaque = parser.ctx.get_optional_attr("gpu.broadcast")
    if opaque is None or not issubclass(opaque, UnregisteredAttr):
        return StringAttr(word)
    return opaque("gpu.broadcast", False, True, f" {word}")


@irdl_op_definition
class SubgroupBroadcastOp(IRDLOperation):
    name = "gpu.subgroup_broadcast"
    src = operand_def(AnyAttr())
    lane = opt_operand_def(AnyAttr())
    result = result_def(AnyAttr())
    broadcast_type = prop_def(AnyAttr())

    def verify_(self) -> None:
        kind = keyword(self.broadcast_type)
        if kind not in BROADCASTS:
            raise VerifyException("attribute 'broadcast_type' failed to satisfy constraint: "
                                  "a lane to broadcast from")
        if self.lane is not None and self.lane.type != i32:
            raise VerifyException(f"operand #1 must be 32-bit signless integer, but got "
                                  f"'{self.lane.type}'")
        if self.result.type != self.src.type:
            raise VerifyException("failed to verify that all of {result, src} have same type")
        if kind == "specific_lane" and self.lane is None:
            raise VerifyException("lane must be specified for `specific_lane` broadcast")
        if kind != "specific_lane" and self.lane is not None:
            raise VerifyException("lane can only be specified for `specific_lane` broadcast")

    @classmethod
    def parse(cls, parser: Parser) -> SubgroupBroadcastOp:
        src = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        start = parser._current_token.span.start  # no public peek
        word = parser.parse_identifier()
        if word not in BROADCASTS:
            parser.raise_error("expected ::mlir::gpu::BroadcastType to be one of: "
                               + ", ".join(BROADCASTS), start, consumed_end(parser))
        lane = parser.parse_optional_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        written = parser.parse_type()
        operands = [parser.resolve_operand(src, written)]
        if lane is not None:
            operands.append(parser.resolve_operand(lane, IntegerType(32)))
        return cls.create(operands=operands, result_types=[written],
                          properties={"broadcast_type": _broadcast_attr(parser, word)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.src)
        printer.print_string(f", {keyword(self.broadcast_type)}")
        if self.lane is not None:
            printer.print_string(" ")
            printer.print_operand(self.lane)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class DynamicSharedMemoryOp(IRDLOperation):
    name = "gpu.dynamic_shared_memory"
    resultMemref = result_def(AnyAttr())
    assembly_format = "attr-dict `:` type($resultMemref)"

    def verify_(self) -> None:
        memref = self.resultMemref.type
        if not (isinstance(memref, MemRefType) and memref.element_type == IntegerType(8)
                and len(memref.get_shape()) == 1):
            raise VerifyException(f"result #0 must be 1D memref of 8-bit signless integer "
                                  f"values, but got '{memref}'")
        if str(memref.memory_space) != WORKGROUP:
            raise VerifyException("address space must be address_space<workgroup>")
        if memref.get_shape()[0] != DYNAMIC_INDEX:
            raise VerifyException(f"result memref type must be memref<?xi8, {WORKGROUP}>")


@irdl_op_definition
class RotateOp(IRDLOperation):
    """`%r, %valid = gpu.rotate %value, offset, width : T` (GPUDialect.cpp RotateOp)."""

    name = "gpu.rotate"
    value = operand_def(AnyAttr())
    rotateResult = result_def(AnyAttr())
    valid = result_def(AnyAttr())
    offset = prop_def(IntegerAttr)
    width = prop_def(IntegerAttr)

    def verify_(self) -> None:
        width, offset = self.width.value.data, self.offset.value.data
        if width <= 0 or width & (width - 1):
            raise VerifyException("attribute 'width' failed to satisfy constraint: 32-bit "
                                  "signless integer attribute whose value is a power of two "
                                  "> 0")
        if offset < 0:
            raise VerifyException("attribute 'offset' failed to satisfy constraint: 32-bit "
                                  "signless integer attribute whose minimum value is 0")
        if offset >= width:
            raise VerifyException(f"offset must be in the range [0, {width})")
        if self.rotateResult.type != self.value.type or self.valid.type != IntegerType(1):
            raise VerifyException("expected results of the value's type and i1")

    @classmethod
    def parse(cls, parser: Parser) -> RotateOp:
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        offset = parser.parse_integer(allow_boolean=False)
        parser.parse_punctuation(",")
        width = parser.parse_integer(allow_boolean=False)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        written = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(value, written)],
                          result_types=[written, IntegerType(1)],
                          properties={"offset": IntegerAttr(offset, i32),
                                      "width": IntegerAttr(width, i32)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.value)
        printer.print_string(f", {self.offset.value.data}, {self.width.value.data}")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.value.type)
