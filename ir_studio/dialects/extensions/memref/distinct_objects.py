"""`memref.distinct_objects %a, %b : memref<?xf32>, memref<?xi32>` (MLIR 22, absent from
xDSL 0.74): declares its operands distinct, giving them back unchanged, so alias
analysis may assume the results do not overlap."""

from __future__ import annotations

from xdsl.dialects.builtin import MemRefType
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    base,
    irdl_op_definition,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException


def ops() -> list[type[Operation]]:
    """The new ops of this module (the extension layer's `ops()` convention)."""
    return [DistinctObjectsOp]


@irdl_op_definition
class DistinctObjectsOp(IRDLOperation):
    name = "memref.distinct_objects"
    objects = var_operand_def(base(MemRefType))
    results_ = var_result_def(base(MemRefType))
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> DistinctObjectsOp:
        """`$operands attr-dict : type($operands)`; the results take the operands' types
        (InferTypeOpInterface), which xDSL's format cannot infer."""
        operands = parser.parse_comma_separated_list(
            Parser.Delimiter.NONE, parser.parse_unresolved_operand)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
        if len(types) != len(operands):
            parser.raise_error(f"expected {len(operands)} types, got {len(types)}")
        resolved = [parser.resolve_operand(o, t) for o, t in zip(operands, types, strict=True)]
        return cls.create(operands=resolved, result_types=types, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list(self.objects, printer.print_operand)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_list([o.type for o in self.objects], printer.print_attribute)

    def verify_(self) -> None:
        """DistinctObjectsOp::verify, with MLIR's wording."""
        if [o.type for o in self.objects] != [r.type for r in self.results_]:
            raise VerifyException("operand types and result types must match")
        if not self.objects:
            raise VerifyException("expected at least one operand")
