"""memref ops xDSL 0.74 lacks: `memref.reshape` (shape taken from a memref operand) and
`memref.prefetch` (a cache hint), with MLIR's syntax and checks."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import (
    IndexType,
    IntegerAttr,
    MemRefType,
    UnitAttr,
    UnrankedMemRefType,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    parse_prefetch_hints,
    print_prefetch_hints,
)

_ANY_MEMREF = base(MemRefType) | base(UnrankedMemRefType)


def install() -> None:
    """MLIR's syntax for xDSL's generic-only `dma_start` / `dma_wait`."""
    from xdsl.dialects import memref

    from ir_studio.dialects.extensions.formats import (
        attach_syntax,
        replace_constraints,
        segment_sizes_when_missing,
    )

    attach_syntax(memref.DmaStartOp, _parse_dma_start, _print_dma_start)
    attach_syntax(memref.DmaWaitOp, _parse_dma_wait, _print_dma_wait)
    # MLIR takes a tag memref of any element type; xDSL insists on i32.
    replace_constraints(memref.DmaStartOp, {"tag": base(MemRefType)})
    definition = memref.DmaStartOp.get_irdl_definition()
    if all(name != "stride_info" for name, _ in definition.operands):
        # MLIR's strided form adds `%stride, %elements_per_stride` after the tag
        from xdsl.irdl.operations import VarOperandDef

        definition.operands.append(("stride_info", VarOperandDef(base(IndexType))))
        memref.DmaStartOp.stride_info = property(  # pyright: ignore[reportAttributeAccessIssue]  # the strided form's operand group
            lambda self: self.operands[len(self.operands) - _stride_count(self):])
    memref.DmaStartOp.verify_ = _verify_dma_start  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's verifier on xDSL's op class
    memref.DmaWaitOp.verify_ = _verify_dma_wait  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's verifier on xDSL's op class
    segment_sizes_when_missing(memref.DmaStartOp, _dma_start_segments)


def _dma_start_segments(operands: Any) -> list[int]:
    """src, src indices (its rank), dest, dest indices, count, tag, tag indices, and the
    stride and elements per stride of the strided form. On operands that do not fit (too
    few, a non-memref), a split that keeps every operand: the verifier
    (ir_studio.pre_verifiers) then says what is wrong."""
    keep_all = [1, 0, 0, 0, 0, 0, len(operands) - 1, 0]
    source_rank = _rank(operands[0])
    if 1 + source_rank >= len(operands):
        return keep_all
    dest_rank = _rank(operands[1 + source_rank])
    tag_at = 3 + source_rank + dest_rank
    if tag_at >= len(operands):
        return keep_all
    tag_rank = _rank(operands[tag_at])
    rest = len(operands) - 4 - source_rank - dest_rank - tag_rank
    if rest < 0:
        return keep_all
    return [1, source_rank, 1, dest_rank, 1, 1, tag_rank, rest]


def _stride_count(op: Any) -> int:
    sizes = op.attributes.get("operandSegmentSizes")
    values = sizes.get_values() if sizes is not None else ()
    return values[7] if len(values) > 7 else 0


def _rank(value: Any) -> int:
    return value.type.get_num_dims() if isinstance(value.type, MemRefType) else 0


def _check_indices(value: Any, indices: Any, role: str) -> None:
    if len(indices) != value.type.get_num_dims():
        raise VerifyException(f"expected {value.type.get_num_dims()} {role} indices, got "
                              f"{len(indices)}")


def _verify_dma_start(op: Any) -> None:
    _check_indices(op.src, op.src_indices, "source")
    _check_indices(op.dest, op.dest_indices, "destination")
    _check_indices(op.tag, op.tag_indices, "tag")
    if len(op.stride_info) not in (0, 2):
        raise VerifyException("expected a stride and a number of elements per stride")
    if op.src.type.memory_space == op.dest.type.memory_space:
        raise VerifyException("DMA should be between different memory spaces")


def _verify_dma_wait(op: Any) -> None:
    _check_indices(op.tag, op.tag_indices, "tag")


def _indexed(parser: Parser) -> tuple[Any, list[Any]]:
    """`%m[%i, %j]`, unresolved."""
    value = parser.parse_unresolved_operand()
    indices = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                parser.parse_unresolved_operand)
    return value, indices


def _index_values(parser: Parser, indices: list[Any]) -> list[Any]:
    return [parser.resolve_operand(i, IndexType()) for i in indices]


def _parse_dma_start(cls: type[Any], parser: Parser) -> Any:
    """`%src[%i], %dst[%j], %n, %tag[%k] : srcT, dstT, tagT`"""
    source, source_indices = _indexed(parser)
    parser.parse_punctuation(",")
    dest, dest_indices = _indexed(parser)
    parser.parse_punctuation(",")
    count = parser.parse_unresolved_operand()
    parser.parse_punctuation(",")
    tag, tag_indices = _indexed(parser)
    stride: list[Any] = []
    if parser.parse_optional_punctuation(",") is not None:
        stride = [parser.parse_unresolved_operand()]
        parser.parse_punctuation(",")
        stride.append(parser.parse_unresolved_operand())
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    types = [parser.parse_type()]
    for _ in range(2):
        parser.parse_punctuation(",")
        types.append(parser.parse_type())
    op = cls.build(operands=[
        parser.resolve_operand(source, types[0]), _index_values(parser, source_indices),
        parser.resolve_operand(dest, types[1]), _index_values(parser, dest_indices),
        parser.resolve_operand(count, IndexType()),
        parser.resolve_operand(tag, types[2]), _index_values(parser, tag_indices),
        _index_values(parser, stride)])
    op.attributes |= attributes
    return op


def _print_indexed(printer: Printer, value: Any, indices: Any) -> None:
    printer.print_operand(value)
    printer.print_string("[")
    printer.print_list(indices, printer.print_operand)
    printer.print_string("]")


def _print_dma_start(self: Any, printer: Printer) -> None:
    printer.print_string(" ")
    _print_indexed(printer, self.src, self.src_indices)
    printer.print_string(", ")
    _print_indexed(printer, self.dest, self.dest_indices)
    printer.print_string(", ")
    printer.print_operand(self.num_elements)
    printer.print_string(", ")
    _print_indexed(printer, self.tag, self.tag_indices)
    for value in self.stride_info:
        printer.print_string(", ")
        printer.print_operand(value)
    printer.print_op_attributes(self.attributes, reserved_attr_names=("operandSegmentSizes",))
    printer.print_string(" : ")
    printer.print_list([self.src.type, self.dest.type, self.tag.type],
                       printer.print_attribute)


def _parse_dma_wait(cls: type[Any], parser: Parser) -> Any:
    """`%tag[%k], %n : tagT`"""
    tag, tag_indices = _indexed(parser)
    parser.parse_punctuation(",")
    count = parser.parse_unresolved_operand()
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    tag_type = parser.parse_type()
    op = cls.build(operands=[parser.resolve_operand(tag, tag_type),
                             _index_values(parser, tag_indices),
                             parser.resolve_operand(count, IndexType())])
    op.attributes |= attributes
    return op


def _print_dma_wait(self: Any, printer: Printer) -> None:
    printer.print_string(" ")
    _print_indexed(printer, self.tag, self.tag_indices)
    printer.print_string(", ")
    printer.print_operand(self.num_elements)
    printer.print_op_attributes(self.attributes)
    printer.print_string(" : ")
    printer.print_attribute(self.tag.type)


def ops() -> list[type[Operation]]:
    return [ReshapeOp, PrefetchOp]


@irdl_op_definition
class ReshapeOp(IRDLOperation):
    """`memref.reshape %src(%shape) : (memref<*xf32>, memref<1xi32>) -> memref<?xf32>`"""

    name = "memref.reshape"
    source = operand_def(_ANY_MEMREF)
    shape = operand_def(MemRefType)
    result = result_def(_ANY_MEMREF)
    traits = traits_def(Pure())
    assembly_format = ("$source `(` $shape `)` attr-dict `:` functional-type(operands, "
                       "results)")

    def verify_(self) -> None:
        source, shape, result = self.source.type, self.shape.type, self.result.type
        if source.element_type != result.element_type:  # pyright: ignore[reportAttributeAccessIssue]  # operand constraints, verified before verify_, make it a shaped type
            raise VerifyException("element types of source and destination memref types "
                                  "should be the same")
        if not isinstance(shape, MemRefType) or shape.get_num_dims() != 1:
            raise VerifyException("shape must be a 1-D memref")
        if isinstance(result, MemRefType) and shape.get_shape()[0] != result.get_num_dims():
            raise VerifyException("length of shape operand differs from the result's memref "
                                  "rank")


@irdl_op_definition
class PrefetchOp(IRDLOperation):
    """`memref.prefetch %m[%i, %j], write, locality<1>, data : memref<4x4xi32>`"""

    name = "memref.prefetch"
    memref = operand_def(MemRefType)
    indices = var_operand_def(IndexType)
    isWrite = prop_def(IntegerAttr)
    localityHint = prop_def(IntegerAttr)
    isDataCache = prop_def(IntegerAttr)
    nontemporal = opt_prop_def(UnitAttr)

    def verify_(self) -> None:
        memref = self.memref.type
        if isinstance(memref, MemRefType) and len(self.indices) != memref.get_num_dims():
            raise VerifyException("too few indices")
        if not 0 <= self.localityHint.value.data <= 3:
            raise VerifyException("expected locality hint between 0 and 3")

    @classmethod
    def parse(cls, parser: Parser) -> PrefetchOp:
        memref = parser.parse_unresolved_operand()
        indices = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                    parser.parse_unresolved_operand)
        properties = parse_prefetch_hints(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        return cls.create(
            operands=[parser.resolve_operand(memref, memref_type),
                      *(parser.resolve_operand(i, IndexType()) for i in indices)],
            properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.memref)
        printer.print_string("[")
        printer.print_list(self.indices, printer.print_operand)
        printer.print_string("]")
        print_prefetch_hints(printer, self)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.memref.type)
