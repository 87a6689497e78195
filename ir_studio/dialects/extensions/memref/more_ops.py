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

from typing import Any

from xdsl.dialects.arith import FastMathFlagsAttr
from xdsl.dialects.builtin import (
    ComplexType,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    VectorType,
    i64,
)
from xdsl.dialects.vector import CombiningKindAttr, CombiningKindFlag
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator, Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.upstream_syntax.formats import (
    parse_positioned_slice,
    print_positioned_slice,
)
from ir_studio.dialects.upstream_syntax.math_ops import parse_fastmath, print_fastmath


def install() -> None:
    """Nothing to patch: the ops join their dialects through `extra_ops`."""


def extra_ops(dialect: str) -> list[type[Operation]]:
    return list(_BY_DIALECT.get(dialect, ()))


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


class _ScalableSlice(IRDLOperation):
    pos = prop_def(IntegerAttr)

    def _check(self, small: VectorType, large: VectorType) -> None:
        if small.element_type != large.element_type:
            raise VerifyException("expected the same element type")
        position = self.pos.value.data
        size = small.get_shape()[0] if small.get_shape() else 0
        if size and position % size:
            raise VerifyException(f"position must be a multiple of {size}")


@irdl_op_definition
class ScalableExtractOp(_ScalableSlice):
    name = "vector.scalable.extract"
    source = operand_def(VectorType)
    result = result_def(VectorType)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> ScalableExtractOp:
        operands, position, attributes, result_type, _ = parse_positioned_slice(parser, "from")
        return cls.create(operands=operands, result_types=[result_type],
                          attributes=attributes,
                          properties={"pos": IntegerAttr(position, i64)})

    def print(self, printer: Printer) -> None:
        print_positioned_slice(printer, (self.source,), self.pos.value.data, self.attributes,
                               self.result.type, "from", self.source.type)

    def verify_(self) -> None:
        self._check(self.result.type, self.source.type)  # pyright: ignore[reportArgumentType]  # the operand's constraint, verified before verify_, gives this type


@irdl_op_definition
class ScalableInsertOp(_ScalableSlice):
    name = "vector.scalable.insert"
    valueToStore = operand_def(VectorType)
    dest = operand_def(VectorType)
    result = result_def(VectorType)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> ScalableInsertOp:
        operands, position, attributes, _, dest_type = parse_positioned_slice(parser, "into")
        return cls.create(operands=operands, result_types=[dest_type], attributes=attributes,
                          properties={"pos": IntegerAttr(position, i64)})

    def print(self, printer: Printer) -> None:
        print_positioned_slice(printer, (self.valueToStore, self.dest), self.pos.value.data,
                               self.attributes, self.valueToStore.type, "into",
                               self.dest.type)

    def verify_(self) -> None:
        self._check(self.valueToStore.type, self.dest.type)  # pyright: ignore[reportArgumentType]  # the operand's constraint, verified before verify_, gives this type


def parse_combining_kind(parser: Parser) -> CombiningKindFlag:
    """`<add>`, `<maxsi>`, ...: a located error for an unknown kind."""
    parser.parse_punctuation("<")
    pos = parser.pos
    word = parser.parse_identifier()
    if word not in {flag.value for flag in CombiningKindFlag}:
        parser.raise_error(f"expected a combining kind, got '{word}'", pos, parser.pos)
    parser.parse_punctuation(">")
    return CombiningKindFlag(word)


@irdl_op_definition
class ScanOp(IRDLOperation):
    name = "vector.scan"
    kind = prop_def(CombiningKindAttr)
    source = operand_def(VectorType)
    initial_value = operand_def()
    reduction_dim = prop_def(IntegerAttr)
    inclusive = prop_def(IntegerAttr)
    dest = result_def(VectorType)
    accumulated_value = result_def()
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> ScanOp:
        kind = CombiningKindAttr(parse_combining_kind(parser))
        parser.parse_punctuation(",")
        source = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        initial = parser.parse_unresolved_operand()
        attributes = dict(parser.parse_optional_attr_dict())
        properties: dict[str, Any] = {"kind": kind}
        for name in ("reduction_dim", "inclusive"):
            if name not in attributes:
                parser.raise_error(f"requires attribute '{name}'")
            properties[name] = attributes.pop(name)
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_punctuation(",")
        initial_type = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(source, source_type),
                                    parser.resolve_operand(initial, initial_type)],
                          result_types=[source_type, initial_type], properties=properties,
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(f" <{self.kind.data}>, ")
        printer.print_list((self.source, self.initial_value), printer.print_operand)
        printer.print_op_attributes({"inclusive": self.inclusive,
                                     "reduction_dim": self.reduction_dim, **self.attributes})
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)
        printer.print_string(", ")
        printer.print_attribute(self.initial_value.type)

    def verify_(self) -> None:
        shape = list(self.source.type.get_shape())  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
        dim = self.reduction_dim.value.data
        if not 0 <= dim < len(shape):
            raise VerifyException(f"reduction dimension {dim} has to be less than "
                                  f"{len(shape)}")
        initial = self.initial_value.type
        expected = shape[:dim] + shape[dim + 1:]
        got = list(initial.get_shape()) if isinstance(initial, VectorType) else []
        if got != expected:
            raise VerifyException("incompatible input/initial value shapes")


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


_BY_DIALECT: dict[str, tuple[type[Operation], ...]] = {
    "memref": (GenericAtomicRMWOp, AtomicYieldOp, ReallocOp),
    "vector": (ScalableExtractOp, ScalableInsertOp, ScanOp),
    "complex": (PowIOp,),
}
