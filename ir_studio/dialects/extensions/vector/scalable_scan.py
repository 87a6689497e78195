"""`vector.scalable.extract`, `vector.scalable.insert` and `vector.scan`, which xDSL 0.74
lacks, with MLIR's syntax and main checks."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import (
    IntegerAttr,
    VectorType,
    i64,
)
from xdsl.dialects.vector import CombiningKindAttr, CombiningKindFlag
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
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    parse_positioned_slice,
    print_positioned_slice,
)


def ops() -> list[type[Operation]]:
    return [ScalableExtractOp, ScalableInsertOp, ScanOp]


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
