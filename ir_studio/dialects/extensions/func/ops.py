"""`func.constant` and `func.call_indirect`, which xDSL 0.74 lacks, with MLIR's syntax and
verifier rules (messages worded as mlir-opt words them)."""

from __future__ import annotations

from xdsl.dialects.builtin import (
    FunctionType,
    SymbolRefAttr,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure, SymbolTable, SymbolUserOpInterface
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import consumed_end


def ops() -> list[type[Operation]]:
    return [ConstantOp, CallIndirectOp]


class _FunctionReference(SymbolUserOpInterface):
    """MLIR's checks for `func.constant`; ir-studio's own symbol table repeats them
    linearly (ir_studio.symbols) during a document build."""

    def verify(self, op: Operation) -> None:
        assert isinstance(op, ConstantOp)
        target = SymbolTable.lookup_symbol(op, op.value)
        name = op.value.root_reference.data
        if target is None or target.name != "func.func":
            raise VerifyException(f"reference to undefined function '{name}'")
        if target.function_type != op.result.type:  # pyright: ignore[reportAttributeAccessIssue]  # checked by name above: a func.func
            raise VerifyException("reference to function with mismatched type")


@irdl_op_definition
class ConstantOp(IRDLOperation):
    """A function as an SSA value, for `func.call_indirect`."""

    name = "func.constant"
    value = prop_def(SymbolRefAttr)
    result = result_def(FunctionType)
    traits = traits_def(Pure(), _FunctionReference())
    assembly_format = "attr-dict $value `:` type($result)"


@irdl_op_definition
class CallIndirectOp(IRDLOperation):
    name = "func.call_indirect"
    callee = operand_def(FunctionType)
    callee_operands = var_operand_def()
    callee_results = var_result_def()  # MLIR calls it `results`, a name xDSL reserves

    def verify_(self) -> None:
        function_type = self.callee.type
        assert isinstance(function_type, FunctionType)
        if list(function_type.inputs.data) != [v.type for v in self.callee_operands]:
            raise VerifyException("failed to verify that callee input types match argument "
                                  "types")
        if list(function_type.outputs.data) != list(self.result_types):
            raise VerifyException("failed to verify that callee result types match result "
                                  "types")

    @classmethod
    def parse(cls, parser: Parser) -> CallIndirectOp:
        """`%f(%a, %b) : (T1, T2) -> R`: the operand types come from the callee's type."""
        callee = parser.parse_unresolved_operand()
        arguments = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                      parser.parse_unresolved_operand)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        start = parser.pos
        function_type = parser.parse_type()
        if not isinstance(function_type, FunctionType):
            parser.raise_error("expected a function type", start, consumed_end(parser))
        inputs = function_type.inputs.data
        if len(inputs) != len(arguments):
            parser.raise_error(f"expected {len(inputs)} operands for a callee of type "
                               f"{function_type}, got {len(arguments)}", start,
                               consumed_end(parser))
        operands = [parser.resolve_operand(a, t) for a, t in zip(arguments, inputs, strict=True)]
        op = cls.create(operands=[parser.resolve_operand(callee, function_type), *operands],
                        result_types=list(function_type.outputs.data), attributes=attributes)
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.callee)
        printer.print_string("(")
        printer.print_list(self.callee_operands, printer.print_operand)
        printer.print_string(")")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.callee.type)
