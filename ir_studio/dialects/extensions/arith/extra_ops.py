"""Upstream ops xDSL 0.74 does not define: `arith.index_castui`, `vector.shape_cast`,
`tensor.generate`, `func.constant` and `func.call_indirect`, with MLIR's syntax,
operand names and verifier rules (messages worded as mlir-opt words them)."""

from __future__ import annotations

import math

from xdsl.dialects.arith import FloatingPointLikeBinaryOperation
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    FunctionType,
    IndexType,
    IntegerType,
    SymbolRefAttr,
    TensorType,
    VectorType,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure, RecursiveMemoryEffect, SymbolTable, SymbolUserOpInterface
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.upstream_syntax.formats import consumed_end


def install() -> None:
    """Nothing to patch: the ops below join their dialects through `extra_ops`."""


def extra_ops(dialect: str) -> list[type[Operation]]:
    return list(_BY_DIALECT.get(dialect, ()))


@irdl_op_definition
class IndexCastUIOp(IRDLOperation):
    """Zero-extending index cast (arith.index_cast sign-extends)."""

    name = "arith.index_castui"
    input = operand_def(base(IntegerType) | base(IndexType))
    result = result_def(base(IntegerType) | base(IndexType))
    traits = traits_def(Pure())
    assembly_format = "$input attr-dict `:` type($input) `to` type($result)"

    def verify_(self) -> None:
        if isinstance(self.input.type, IndexType) == isinstance(self.result.type, IndexType):
            raise VerifyException(f"operand type '{self.input.type}' and result type "
                                  f"'{self.result.type}' are cast incompatible")


@irdl_op_definition
class ShapeCastOp(IRDLOperation):
    name = "vector.shape_cast"
    source = operand_def(VectorType)
    result = result_def(VectorType)
    traits = traits_def(Pure())
    assembly_format = "$source attr-dict `:` type($source) `to` type($result)"

    def verify_(self) -> None:
        source, result = self.source.type, self.result.type
        assert isinstance(source, VectorType)
        assert isinstance(result, VectorType)
        if source.element_type != result.element_type:
            raise VerifyException("has different source and result element types")
        source_count = math.prod(source.get_shape())
        result_count = math.prod(result.get_shape())
        if source_count != result_count:
            raise VerifyException(f"has different number of elements at source "
                                  f"({source_count}) and result ({result_count})")


@irdl_op_definition
class GenerateOp(IRDLOperation):
    name = "tensor.generate"
    dynamicExtents = var_operand_def(IndexType)
    result = result_def(TensorType)
    body = region_def("single_block")
    traits = traits_def(RecursiveMemoryEffect())
    assembly_format = "$dynamicExtents $body attr-dict `:` type($result)"

    def verify_(self) -> None:
        tensor = self.result.type
        assert isinstance(tensor, TensorType)
        shape = tensor.get_shape()
        dynamic = sum(1 for size in shape if size == DYNAMIC_INDEX)
        if dynamic != len(self.dynamicExtents):
            raise VerifyException("must have as many index operands as dynamic extents in "
                                  "the result type")
        block = self.body.block
        if len(block.args) != len(shape) or any(
                not isinstance(arg.type, IndexType) for arg in block.args):
            raise VerifyException("must have one body argument per input dimension")
        last = block.last_op
        if (last is None or last.name != "tensor.yield" or len(last.operands) != 1
                or last.operands[0].type != tensor.element_type):
            raise VerifyException("body must be terminated with a `yield` operation of the "
                                  "tensor element type")


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


@irdl_op_definition
class RemFOp(FloatingPointLikeBinaryOperation):
    """Floating-point remainder (MLIR's `arith.remf`)."""

    name = "arith.remf"


_BY_DIALECT: dict[str, tuple[type[Operation], ...]] = {
    "arith": (IndexCastUIOp, RemFOp),
    "vector": (ShapeCastOp,),
    "tensor": (GenerateOp,),
    "func": (ConstantOp, CallIndirectOp),
}
