"""`bufferization.to_tensor` / `to_buffer` and `materialize_in_destination` on memrefs
with a layout or memory space (what one-shot bufferization emits at function
boundaries): xDSL 0.74 derives the memref type from the tensor's and so rejects any
layout; MLIR only asks for the same shape and element type. Also
`bufferization.dealloc_tensor`, which xDSL lacks."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import bufferization
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    IntegerType,
    MemRefType,
    TensorType,
    UnrankedMemRefType,
    i1,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    AnyAttr,
    AttrSizedOperandSegments,
    IRDLOperation,
    VarConstraint,
    base,
    irdl_op_definition,
    operand_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import add_verifier, replace_constraints


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    memref = VarConstraint("T", MemRefType.constr() | base(UnrankedMemRefType))
    replace_constraints(bufferization.ToTensorOp, {"memref": memref, "tensor": AnyAttr()})
    replace_constraints(bufferization.ToBufferOp, {"memref": memref, "tensor": AnyAttr()})
    add_verifier(bufferization.ToTensorOp, _check)
    add_verifier(bufferization.ToBufferOp, _check)
    replace_constraints(bufferization.MaterializeInDestinationOp,
                        {"source": base(TensorType), "dest": AnyAttr(), "result": AnyAttr()})
    bufferization.MaterializeInDestinationOp.verify_ = (  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
        _verify_materialize)


def ops() -> list[type[Operation]]:
    return [DeallocTensorOp, DeallocOp]


@irdl_op_definition
class DeallocOp(IRDLOperation):
    """`%keep:2 = bufferization.dealloc (%a, %b : memref<2xf32>, memref<4xi32>) if (%c, %d)
    retain (%r, %s : memref<?xf32>, memref<*xf64>)`: one updated condition per retained
    memref."""

    name = "bufferization.dealloc"
    memrefs = var_operand_def(base(MemRefType) | base(UnrankedMemRefType))
    conditions = var_operand_def(IntegerType)
    retained = var_operand_def(base(MemRefType) | base(UnrankedMemRefType))
    updatedConditions = var_result_def(IntegerType)
    irdl_options = (AttrSizedOperandSegments(as_property=True),)

    def verify_(self) -> None:
        if len(self.memrefs) != len(self.conditions):
            raise VerifyException("must have the same number of conditions as memrefs to "
                                  "deallocate")
        if len(self.updatedConditions) != len(self.retained):
            raise VerifyException("must have the same number of updated conditions "
                                  "(results) as retained operands")

    @classmethod
    def parse(cls, parser: Parser) -> DeallocOp:
        memrefs: list[Any] = []
        conditions: list[Any] = []
        retained: list[Any] = []
        if parser.parse_optional_punctuation("(") is not None:
            memrefs = _typed_values_after_paren(parser)
            parser.parse_keyword("if")
            conditions = parser.parse_comma_separated_list(
                Parser.Delimiter.PAREN,
                lambda: parser.resolve_operand(parser.parse_unresolved_operand(), i1))
        if parser.parse_optional_keyword("retain") is not None:
            parser.parse_punctuation("(")
            retained = _typed_values_after_paren(parser)
        attributes = parser.parse_optional_attr_dict()
        return cls.build(operands=[memrefs, conditions, retained],
                         result_types=[[i1] * len(retained)], attributes=attributes)

    def print(self, printer: Printer) -> None:
        if self.memrefs:
            printer.print_string(" (")
            _print_typed(printer, self.memrefs)
            printer.print_string(") if (")
            printer.print_list(self.conditions, printer.print_operand)
            printer.print_string(")")
        if self.retained:
            printer.print_string(" retain (")
            _print_typed(printer, self.retained)
            printer.print_string(")")
        printer.print_op_attributes(self.attributes)


def _typed_values_after_paren(parser: Parser) -> list[Any]:
    """`%a, %b : T1, T2)` after the opening parenthesis."""
    names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                              parser.parse_unresolved_operand)
    parser.parse_punctuation(":")
    types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
    parser.parse_punctuation(")")
    if len(types) != len(names):
        parser.raise_error(f"expected {len(names)} types, got {len(types)}")
    return [parser.resolve_operand(n, t) for n, t in zip(names, types, strict=True)]


def _print_typed(printer: Printer, values: Any) -> None:
    printer.print_list(values, printer.print_operand)
    printer.print_string(" : ")
    printer.print_list([v.type for v in values], printer.print_attribute)


@irdl_op_definition
class DeallocTensorOp(IRDLOperation):
    """`bufferization.dealloc_tensor %t : tensor<4xi32>`: frees a tensor's buffer."""

    name = "bufferization.dealloc_tensor"
    tensor = operand_def(TensorType)
    assembly_format = "$tensor attr-dict `:` type($tensor)"


def _verify_materialize(op: Any) -> None:
    source, dest = op.source.type, op.dest.type
    if not isinstance(dest, TensorType | MemRefType | UnrankedMemRefType):
        raise VerifyException("'dest' must be a tensor or a memref")
    if isinstance(dest, TensorType):
        if len(op.results) != 1 or op.results[0].type != dest:
            raise VerifyException("result type must match 'dest' type when 'dest' is a "
                                  "tensor")
        if op.writable is not None:
            raise VerifyException("'writable' must be specified if and only if the "
                                  "destination is of memref type")
    else:
        if op.results:
            raise VerifyException("'dest' is a memref: the op has no result")
        if op.writable is None:
            raise VerifyException("'writable' must be specified if and only if the "
                                  "destination is of memref type")
    if isinstance(dest, TensorType | MemRefType) and (
            not _compatible(source.get_shape(), dest.get_shape())
            or source.element_type != dest.element_type):
        raise VerifyException("source/destination shapes are incompatible")


def _compatible(a: Any, b: Any) -> bool:
    """Same rank, and each size equal or dynamic on one side."""
    return len(a) == len(b) and all(x == y or DYNAMIC_INDEX in (x, y)
                                    for x, y in zip(a, b, strict=True))


def _check(op: Any) -> None:
    memref, tensor = op.memref.type, op.tensor.type
    if isinstance(memref, MemRefType):
        same = (isinstance(tensor, TensorType) and tensor.element_type == memref.element_type
                and tuple(tensor.get_shape()) == tuple(memref.get_shape()))
    else:
        same = (not isinstance(tensor, TensorType)
                and getattr(tensor, "element_type", None) == memref.element_type)
    if not same:
        raise VerifyException(f"type '{tensor}' is not the tensor equivalent of '{memref}'")
