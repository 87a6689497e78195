"""vector ops on shapes and lanes xDSL 0.74 lacks: transpose, step, from_elements,
extract/insert_strided_slice, constant_mask and interleave, with MLIR's syntax and the
shape rules that catch real mistakes. Shared helpers for vector_ops live here too."""


from __future__ import annotations

import math
from typing import Any, ClassVar

from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseArrayBase,
    IntegerAttr,
    VectorType,
    i64,
)
from xdsl.ir import SSAValue
from xdsl.irdl import (
    IRDLOperation,
    ParsePropInAttrDict,
    VarConstraint,
    base,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException


def shape_of(t: Any) -> list[int]:
    return list(t.get_shape()) if isinstance(t, VectorType) else []


def i64_list(parser: Parser) -> list[int]:
    return parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                             lambda: parser.parse_integer(allow_boolean=False))


def typed_operand(parser: Parser, unresolved: Any) -> SSAValue:
    return parser.resolve_operand(unresolved, parser.parse_type())


@irdl_op_definition
class TransposeOp(IRDLOperation):
    """`vector.transpose %v, [1, 0] : vector<2x3xf32> to vector<3x2xf32>`"""

    name = "vector.transpose"
    vector = operand_def(VectorType)
    result = result_def(VectorType)
    permutation = prop_def(DenseArrayBase.constr(i64))
    traits = traits_def(Pure())

    def verify_(self) -> None:
        permutation = list(self.permutation.get_values())
        source = shape_of(self.vector.type)
        if sorted(permutation) != list(range(len(source))):
            raise VerifyException("transposition length mismatch")
        if [source[i] for i in permutation] != shape_of(self.result.type):
            raise VerifyException("dimension size mismatch")

    @classmethod
    def parse(cls, parser: Parser) -> TransposeOp:
        vector = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        permutation = i64_list(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source = typed_operand(parser, vector)
        parser.parse_keyword("to")
        return cls.create(operands=[source], result_types=[parser.parse_type()],
                          properties={"permutation": DenseArrayBase.from_list(i64, permutation)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.vector)
        printer.print_string(f", {list(self.permutation.get_values())}")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.vector.type)
        printer.print_string(" to ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class StepOp(IRDLOperation):
    name = "vector.step"
    result = result_def(VectorType)
    traits = traits_def(Pure())
    assembly_format = "attr-dict `:` type($result)"


@irdl_op_definition
class FromElementsOp(IRDLOperation):
    """`vector.from_elements %a, %b : vector<2xf32>`"""

    name = "vector.from_elements"
    elements = var_operand_def()
    result = result_def(VectorType)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        wanted = math.prod(shape_of(self.result.type))
        if len(self.elements) != wanted:
            raise VerifyException(f"expected {wanted} elements, got {len(self.elements)}")

    @classmethod
    def parse(cls, parser: Parser) -> FromElementsOp:
        names = parser.parse_optional_undelimited_comma_separated_list(
            parser.parse_optional_unresolved_operand, parser.parse_unresolved_operand) or []
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        vector = parser.parse_type()
        element = vector.element_type if isinstance(vector, VectorType) else vector
        return cls.create(operands=[parser.resolve_operand(n, element) for n in names],
                          result_types=[vector], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list(self.elements, printer.print_operand)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class ExtractStridedSliceOp(IRDLOperation):
    name = "vector.extract_strided_slice"
    vector = operand_def(VectorType)
    result = result_def(VectorType)
    offsets = prop_def(ArrayAttr)
    sizes = prop_def(ArrayAttr)
    strides = prop_def(ArrayAttr)
    irdl_options = (ParsePropInAttrDict(),)
    traits = traits_def(Pure())
    assembly_format = "$vector attr-dict `:` type($vector) `to` type($result)"

    def verify_(self) -> None:
        source = shape_of(self.vector.type)
        offsets, sizes = _ints(self.offsets), _ints(self.sizes)
        for dim, (offset, size) in enumerate(zip(offsets, sizes, strict=False)):
            if dim < len(source) and offset + size > source[dim]:
                raise VerifyException("expected sum(offsets, sizes) dimension "
                                      f"{dim} to be confined to [1, {source[dim] + 1})")
        if sizes + source[len(sizes):] != shape_of(self.result.type):
            raise VerifyException(f"expected result type to be {self.result.type}")


@irdl_op_definition
class InsertStridedSliceOp(IRDLOperation):
    name = "vector.insert_strided_slice"
    valueToStore = operand_def(VectorType)
    dest = operand_def(VectorType)
    result = result_def(VectorType)
    offsets = prop_def(ArrayAttr)
    strides = prop_def(ArrayAttr)
    irdl_options = (ParsePropInAttrDict(),)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        if self.dest.type != self.result.type:
            raise VerifyException("expected the result type to be the destination type")
        dest, value = shape_of(self.dest.type), shape_of(self.valueToStore.type)
        offsets = _ints(self.offsets)
        if len(offsets) != len(dest):
            raise VerifyException("expected offsets of same size as destination vector rank")
        inner = offsets[len(dest) - len(value):]
        for dim, (offset, size) in enumerate(zip(inner, value, strict=True)):
            if offset + size > dest[len(dest) - len(value) + dim]:
                raise VerifyException("expected sum(offsets, source vector shape) to be "
                                      "confined to the destination")

    @classmethod
    def parse(cls, parser: Parser) -> InsertStridedSliceOp:
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        dest = parser.parse_unresolved_operand()
        attributes = dict(parser.parse_optional_attr_dict())
        parser.parse_punctuation(":")
        value_v = typed_operand(parser, value)
        parser.parse_keyword("into")
        dest_type = parser.parse_type()
        properties = {k: attributes.pop(k) for k in ("offsets", "strides") if k in attributes}
        return cls.create(operands=[value_v, parser.resolve_operand(dest, dest_type)],
                          result_types=[dest_type], properties=properties,
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list([self.valueToStore, self.dest], printer.print_operand)
        printer.print_op_attributes({"offsets": self.offsets, "strides": self.strides,
                                     **self.attributes})
        printer.print_string(" : ")
        printer.print_attribute(self.valueToStore.type)
        printer.print_string(" into ")
        printer.print_attribute(self.dest.type)


def _ints(array: ArrayAttr) -> list[int]:
    return [a.value.data for a in array.data if isinstance(a, IntegerAttr)]


@irdl_op_definition
class ConstantMaskOp(IRDLOperation):
    """`vector.constant_mask [2, 3] : vector<4x4xi1>`"""

    name = "vector.constant_mask"
    mask_dim_sizes = prop_def(DenseArrayBase.constr(i64))
    result = result_def(VectorType)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        sizes, shape = list(self.mask_dim_sizes.get_values()), shape_of(self.result.type)
        if not shape:  # a 0-D mask: one size, 0 or 1
            if len(sizes) != 1 or sizes[0] not in (0, 1):
                raise VerifyException("mask dim size must be either 0 or 1 for 0-D vectors")
            return
        if len(sizes) != len(shape):
            raise VerifyException("must specify array attr of size equal vector result rank")
        if any(not 0 <= s <= d for s, d in zip(sizes, shape, strict=True)):
            raise VerifyException("array attr of size out of bounds of vector result "
                                  "dimension size")

    @classmethod
    def parse(cls, parser: Parser) -> ConstantMaskOp:
        sizes = i64_list(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        return cls.create(result_types=[parser.parse_type()], attributes=attributes,
                          properties={"mask_dim_sizes": DenseArrayBase.from_list(i64, sizes)})

    def print(self, printer: Printer) -> None:
        printer.print_string(f" {list(self.mask_dim_sizes.get_values())}")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class InterleaveOp(IRDLOperation):
    name = "vector.interleave"
    T: ClassVar = VarConstraint("T", base(VectorType))
    lhs = operand_def(T)
    rhs = operand_def(T)
    result = result_def(VectorType)
    traits = traits_def(Pure())
    assembly_format = "$lhs `,` $rhs attr-dict `:` type($lhs) `->` type($result)"

    def verify_(self) -> None:
        shape = shape_of(self.lhs.type)
        if self.rhs.type != self.lhs.type or shape_of(self.result.type) != [
                *shape[:-1], 2 * shape[-1] if shape else 2]:
            raise VerifyException("expected the result to interleave two operands of one "
                                  "type along the last dimension")



SHAPE_OPS = (TransposeOp, StepOp, FromElementsOp, ExtractStridedSliceOp,
             InsertStridedSliceOp, ConstantMaskOp, InterleaveOp)
