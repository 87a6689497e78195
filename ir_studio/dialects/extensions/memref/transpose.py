"""`memref.transpose %m (i, j) -> (j, i) : memref<?x?xf32> to memref<?x?xf32, strided<[1, ?]>>`
(absent from xDSL 0.74) and `memref.rank` of an unranked memref (xDSL wants a ranked
one; MLIR's rank op exists for the unranked case)."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import AffineMapAttr, MemRefType, UnrankedMemRefType
from xdsl.ir import Operation
from xdsl.ir.affine import AffineDimExpr
from xdsl.irdl import (
    IRDLOperation,
    base,
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

from ir_studio.dialects.extensions.formats import replace_constraints


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    from xdsl.dialects import memref

    replace_constraints(memref.RankOp, {"source": base(MemRefType) | base(UnrankedMemRefType)})


def ops() -> list[type[Operation]]:
    return [TransposeOp]


@irdl_op_definition
class TransposeOp(IRDLOperation):
    """A view with permuted dimensions; the permutation is written as a bare affine map."""

    name = "memref.transpose"
    source = operand_def(MemRefType)
    permutation = prop_def(AffineMapAttr)
    result = result_def(MemRefType)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        source, result = self.source.type, self.result.type
        permutation = self.permutation.data
        rank = source.get_num_dims()  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
        dims = [e.position for e in permutation.results if isinstance(e, AffineDimExpr)]
        if (permutation.num_dims != rank or len(permutation.results) != rank
                or sorted(dims) != list(range(rank))):
            raise VerifyException("expected a permutation map of same rank as the input")
        if result.element_type != source.element_type:  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
            raise VerifyException(f"result type '{result}' is not equivalent to the canonical "
                                  "transposed input type")
        shape = source.get_shape()  # pyright: ignore[reportAttributeAccessIssue]  # the operand's constraint, verified before verify_, gives this type
        if list(result.get_shape()) != [shape[d] for d in dims]:
            raise VerifyException(f"result type '{result}' is not equivalent to the canonical "
                                  "transposed input type")

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        source = parser.parse_unresolved_operand()
        permutation = parser.parse_affine_map()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_keyword("to")
        result_type = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(source, source_type)],
                          result_types=[result_type], attributes=attributes,
                          properties={"permutation": AffineMapAttr(permutation)})

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.source)
        printer.print_string(f" {self.permutation.data}")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)
        printer.print_string(" to ")
        printer.print_attribute(self.result.type)
