"""Smaller upstream ops xDSL 0.74 lacks, with MLIR's syntax and main checks:

    %v = memref.generic_atomic_rmw %m[%i] : memref<10xf32> {
    ^bb0(%current: f32):
      memref.atomic_yield %current : f32
    }
    %r = memref.realloc %m(%n) : memref<?xf32> to memref<?xf32>
    %e = vector.scalable.extract %v[8] : vector<[4]xf32> from vector<[8]xf32>
    %s = vector.scalable.insert %e, %v[0] : vector<[4]xf32> into vector<[8]xf32>
    %d, %acc = vector.scan <add>, %v, %init {inclusive = true, reduction_dim = 0 : i64}
        : vector<4x8xf32>, vector<8xf32>
    %p = complex.powi %z, %n : complex<f32>, i32
"""

from __future__ import annotations

from xdsl.dialects.builtin import (
    IndexType,
    IntegerAttr,
    MemRefType,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator
from xdsl.utils.exceptions import VerifyException


def ops() -> list[type[Operation]]:
    return [GenericAtomicRMWOp, AtomicYieldOp, ReallocOp]


@irdl_op_definition
class GenericAtomicRMWOp(IRDLOperation):
    name = "memref.generic_atomic_rmw"
    memref = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    result = result_def()
    atomic_body = region_def("single_block")

    @classmethod
    def parse(cls, parser: Parser) -> GenericAtomicRMWOp:
        memref = parser.parse_unresolved_operand()
        indices = parser.parse_comma_separated_list(
            Parser.Delimiter.SQUARE,
            lambda: parser.resolve_operand(parser.parse_unresolved_operand(), IndexType()))
        parser.parse_punctuation(":")
        pos = parser.pos
        memref_type = parser.parse_type()
        if not isinstance(memref_type, MemRefType):
            parser.raise_error("expected a memref type", pos, parser.pos)
        body = parser.parse_region()
        attributes = parser.parse_optional_attr_dict()
        return cls.create(operands=[parser.resolve_operand(memref, memref_type), *indices],
                          result_types=[memref_type.element_type], regions=[body],
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.memref)
        printer.print_string("[")
        printer.print_list(self.indices, printer.print_operand)
        printer.print_string("] : ")
        printer.print_attribute(self.memref.type)
        printer.print_string(" ")
        printer.print_region(self.atomic_body)
        printer.print_op_attributes(self.attributes)

    def verify_(self) -> None:
        element = self.memref.type.element_type  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
        block = self.atomic_body.block
        if len(block.args) != 1 or block.args[0].type != element:
            raise VerifyException("expected single number of entry block arguments of the "
                                  "memref's element type")
        if self.result.type != element:
            raise VerifyException("expected the result to be the memref's element type")


@irdl_op_definition
class AtomicYieldOp(IRDLOperation):
    name = "memref.atomic_yield"
    result = operand_def()
    traits = traits_def(IsTerminator())
    assembly_format = "$result attr-dict `:` type($result)"


@irdl_op_definition
class ReallocOp(IRDLOperation):
    name = "memref.realloc"
    source = operand_def(MemRefType)
    dynamicResultSize = opt_operand_def(IndexType)
    alignment = opt_prop_def(IntegerAttr)
    result = result_def(MemRefType)

    @classmethod
    def parse(cls, parser: Parser) -> ReallocOp:
        source = parser.parse_unresolved_operand()
        size = []
        if parser.parse_optional_punctuation("(") is not None:
            size = [parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())]
            parser.parse_punctuation(")")
        attributes = dict(parser.parse_optional_attr_dict())
        properties = {"alignment": attributes.pop("alignment")} if "alignment" in attributes \
            else {}
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_keyword("to")
        result_type = parser.parse_type()
        return cls.build(operands=[parser.resolve_operand(source, source_type), size],
                         result_types=[result_type], properties=properties,
                         attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.source)
        if self.dynamicResultSize is not None:
            printer.print_string("(")
            printer.print_operand(self.dynamicResultSize)
            printer.print_string(")")
        extra = {"alignment": self.alignment} if self.alignment is not None else {}
        printer.print_op_attributes({**extra, **self.attributes})
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)
        printer.print_string(" to ")
        printer.print_attribute(self.result.type)

    def verify_(self) -> None:
        source, result = self.source.type, self.result.type
        if source.element_type != result.element_type:  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            raise VerifyException("expects the same element type for source and result")
        if len(source.get_shape()) != 1 or len(result.get_shape()) != 1:  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            raise VerifyException("expects 1-D memrefs")
        dynamic = result.get_shape()[0] < 0
        if dynamic != (self.dynamicResultSize is not None):
            raise VerifyException("missing dimension operand" if dynamic else
                                  "unnecessary dimension operand")














