"""vector ops xDSL 0.74 lacks, with MLIR's syntax and main checks: `compressstore`,
`expandload`, `type_cast`, `deinterleave`, `to_elements`, `vscale`.

    vector.compressstore %m[%i], %mask, %v : memref<?xf32>, vector<16xi1>, vector<16xf32>
    %r = vector.expandload %m[%i], %mask, %pass
        : memref<?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
"""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import IndexType, MemRefType, VectorType
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException


def install() -> None:
    """`vector.bitcast` checked as MLIR does (index is 64 bits wide there)."""
    from xdsl.dialects.vector import BitcastOp, LoadOp, StoreOp

    BitcastOp.verify_ = _verify_bitcast  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    LoadOp.verify_ = lambda op: _verify_load_store(op, op.result.type)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    StoreOp.verify_ = lambda op: _verify_load_store(op, op.vector.type)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class


def _verify_load_store(op: Any, vector: Any) -> None:
    """MLIR's rule: a memref of vectors loads and stores its own vector type; a memref of
    scalars loads vectors of that element type."""
    element = op.base.type.element_type
    if isinstance(element, VectorType):
        if element != vector:
            raise VerifyException("base memref and result vector types should match")
    elif element != vector.element_type:
        raise VerifyException("base and result element types should match")
    if op.base.type.get_num_dims() != len(op.indices):
        raise VerifyException("requires " + str(op.base.type.get_num_dims()) + " indices")


def _bits(element: Any) -> int | None:
    if isinstance(element, IndexType):
        return 64  # MLIR's default data layout
    return getattr(element, "bitwidth", None)


def _verify_bitcast(op: Any) -> None:
    source, result = op.source.type, op.result.type
    source_shape, result_shape = list(source.get_shape()), list(result.get_shape())
    if len(source_shape) != len(result_shape):
        raise VerifyException("op failed to verify that all of {source, result} have same rank")
    for index, (a, b) in enumerate(zip(source_shape[:-1], result_shape[:-1], strict=True)):
        if a != b:
            raise VerifyException(f"dimension size mismatch at: {index}")
    source_bits, result_bits = _bits(source.element_type), _bits(result.element_type)
    if source_bits is None or result_bits is None:
        raise VerifyException("expected element types of known bit width")
    source_minor = source_shape[-1] if source_shape else 1
    result_minor = result_shape[-1] if result_shape else 1
    if source_bits * source_minor != result_bits * result_minor:
        raise VerifyException("source/result bitwidth of the minor 1-D vectors must be equal")


def ops() -> list[type[Operation]]:
    return [CompressStoreOp, ExpandLoadOp, TypeCastOp, DeinterleaveOp, ToElementsOp,
            VectorScaleOp, ScatterOp]


def _check_masked(base: MemRefType, indices: int, mask: VectorType, value: VectorType,
                  role: str) -> None:
    if indices != base.get_num_dims():
        raise VerifyException(f"requires {base.get_num_dims()} indices")
    if value.element_type != base.element_type:
        raise VerifyException(f"base and {role} element type should match")
    if tuple(mask.get_shape()) != tuple(value.get_shape()):
        raise VerifyException(f"expected {role} dim to match mask dim")


@irdl_op_definition
class CompressStoreOp(IRDLOperation):
    name = "vector.compressstore"
    base = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    mask = operand_def(VectorType)
    valueToStore = operand_def(VectorType)
    assembly_format = ("$base `[` $indices `]` `,` $mask `,` $valueToStore attr-dict `:` "
                       "type($base) `,` type($mask) `,` type($valueToStore)")

    def verify_(self) -> None:
        _check_masked(self.base.type, len(self.indices), self.mask.type,  # pyright: ignore[reportArgumentType]  # the operand's constraint, verified before verify_, gives this type
                      self.valueToStore.type, "valueToStore")  # pyright: ignore[reportArgumentType]  # the operand's constraint, verified before verify_, gives this type


@irdl_op_definition
class ExpandLoadOp(IRDLOperation):
    name = "vector.expandload"
    base = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    mask = operand_def(VectorType)
    pass_thru = operand_def(VectorType)
    result = result_def(VectorType)
    assembly_format = ("$base `[` $indices `]` `,` $mask `,` $pass_thru attr-dict `:` "
                       "type($base) `,` type($mask) `,` type($pass_thru) `into` type($result)")

    def verify_(self) -> None:
        _check_masked(self.base.type, len(self.indices), self.mask.type, self.result.type,  # pyright: ignore[reportArgumentType]  # the operand's constraint, verified before verify_, gives this type
                      "result")
        if self.pass_thru.type != self.result.type:
            raise VerifyException("expected pass_thru of same type as result type")


@irdl_op_definition
class TypeCastOp(IRDLOperation):
    """`vector.type_cast %m : memref<8x8xf32> to memref<vector<8x8xf32>>`"""

    name = "vector.type_cast"
    memref = operand_def(MemRefType)
    result = result_def(MemRefType)
    traits = traits_def(Pure())
    assembly_format = "$memref attr-dict `:` type($memref) `to` type($result)"

    def verify_(self) -> None:
        source, result = self.memref.type, self.result.type
        element = result.element_type
        if result.get_shape() or not isinstance(element, VectorType):
            raise VerifyException("expects a result of a 0-D memref of vector type")
        if (tuple(element.get_shape()) != tuple(source.get_shape())  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
                or element.element_type != source.element_type):  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            raise VerifyException("expects result and operand with same underlying scalar "
                                  "type and shape")


@irdl_op_definition
class DeinterleaveOp(IRDLOperation):
    """`%even, %odd = vector.deinterleave %v : vector<8xi8> -> vector<4xi8>`"""

    name = "vector.deinterleave"
    source = operand_def(VectorType)
    res1 = result_def(VectorType)
    res2 = result_def(VectorType)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> DeinterleaveOp:
        value = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_punctuation("->")
        half = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(value, source_type)],
                          result_types=[half, half], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.source)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.res1.type)

    def verify_(self) -> None:
        source, half = self.source.type, self.res1.type
        shape = list(source.get_shape())  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
        if not shape or shape[-1] % 2 or list(half.get_shape()) != [*shape[:-1], shape[-1] // 2]:
            raise VerifyException("the trailing dimension of the results is half the width "
                                  "of source trailing dimension")
        if self.res2.type != half:
            raise VerifyException("both results must have the same type")


@irdl_op_definition
class ToElementsOp(IRDLOperation):
    """`%a, %b = vector.to_elements %v : vector<2xf32>`"""

    name = "vector.to_elements"
    source = operand_def(VectorType)
    elements = var_result_def()
    traits = traits_def(Pure())

    def verify_(self) -> None:
        source = self.source.type
        count = 1
        for size in source.get_shape():  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            count *= size
        if len(self.elements) != count or any(r.type != source.element_type  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
                                              for r in self.elements):
            raise VerifyException(f"expected {count} results of type {source.element_type}")  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type

    @classmethod
    def parse(cls, parser: Parser) -> ToElementsOp:
        value = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        count = 1
        for size in getattr(source_type, "get_shape", lambda: ())():
            count *= size
        element = getattr(source_type, "element_type", source_type)
        return cls.create(operands=[parser.resolve_operand(value, source_type)],
                          result_types=[element] * count, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.source)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)


@irdl_op_definition
class VectorScaleOp(IRDLOperation):
    """`%vs = vector.vscale`: the runtime multiple of scalable vector sizes."""

    name = "vector.vscale"
    res = result_def(IndexType)
    traits = traits_def(Pure())
    assembly_format = "attr-dict"


@irdl_op_definition
class ScatterOp(IRDLOperation):
    """`vector.scatter %base[%i][%idx], %mask, %v : memref<?xf32>, vector<16xi32>,
    vector<16xi1>, vector<16xf32>`"""

    name = "vector.scatter"
    base = operand_def(MemRefType)
    offsets = var_operand_def(IndexType)
    indices = operand_def(VectorType)
    mask = operand_def(VectorType)
    valueToStore = operand_def(VectorType)

    def verify_(self) -> None:
        if len(self.offsets) != self.base.type.get_num_dims():  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            raise VerifyException("requires an index for each base dimension")
        value = self.valueToStore.type
        if value.element_type != self.base.type.element_type:  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            raise VerifyException("base and valueToStore element type should match")
        for role, other in (("index", self.indices.type), ("mask", self.mask.type)):
            if tuple(other.get_shape()) != tuple(value.get_shape()):  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
                raise VerifyException(f"expected valueToStore dim to match {role} dim")

    @classmethod
    def parse(cls, parser: Parser) -> ScatterOp:
        base = parser.parse_unresolved_operand()
        offsets = parser.parse_comma_separated_list(
            Parser.Delimiter.SQUARE,
            lambda: parser.resolve_operand(parser.parse_unresolved_operand(), IndexType()))
        parser.parse_punctuation("[")
        indices = parser.parse_unresolved_operand()
        parser.parse_punctuation("]")
        parser.parse_punctuation(",")
        mask = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        value = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
        if len(types) != 4:
            parser.raise_error(f"expected 4 types, got {len(types)}")
        return cls.create(operands=[parser.resolve_operand(base, types[0]), *offsets,
                                    parser.resolve_operand(indices, types[1]),
                                    parser.resolve_operand(mask, types[2]),
                                    parser.resolve_operand(value, types[3])],
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.base)
        printer.print_string("[")
        printer.print_list(self.offsets, printer.print_operand)
        printer.print_string("] [")
        printer.print_operand(self.indices)
        printer.print_string("], ")
        printer.print_list([self.mask, self.valueToStore], printer.print_operand)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_list([self.base.type, self.indices.type, self.mask.type,
                            self.valueToStore.type], printer.print_attribute)
