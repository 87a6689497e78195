"""The gpu MMA ops on matrix values (`subgroup_mma_constant_matrix`, `_elementwise`,
`_extract_thread_local`, `_insert_thread_local`), with MLIR 22's syntax and verifiers;
the type and the memory ops are in `mma.py`.

    %e = gpu.subgroup_mma_elementwise addf %a, %b : (!gpu.mma_matrix<16x16xf32, "COp">,
        !gpu.mma_matrix<16x16xf32, "COp">) -> !gpu.mma_matrix<16x16xf32, "COp">
"""

from __future__ import annotations

from xdsl.dialects.builtin import (
    StringAttr,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.gpu.mma import (
    ELEMENTWISE,
    MMAMatrixType,
    check_indices,
    described,
    kind_of,
    parse_indices,
    print_indices,
)
from ir_studio.dialects.extensions.gpu.ops import keyword


def ops() -> list[type[Operation]]:
    return [ConstantMatrixOp, ElementwiseOp, ExtractThreadLocalOp, InsertThreadLocalOp]


@irdl_op_definition
class ConstantMatrixOp(IRDLOperation):
    name = "gpu.subgroup_mma_constant_matrix"
    value = operand_def(AnyAttr())
    res = result_def(AnyAttr())

    def verify_(self) -> None:
        kinds = ("SI8", "UI8", "I32", "F16", "F32")
        if kind_of(self.value.type) not in kinds:
            raise VerifyException(f"operand #0 must be {described(kinds)}, but got "
                                  f"'{self.value.type}'")
        matrix = self.res.type
        if not isinstance(matrix, MMAMatrixType) or matrix.element_type != self.value.type:
            raise VerifyException("failed to verify that value type matches element type of "
                                  "mma_matrix")

    @classmethod
    def parse(cls, parser: Parser) -> ConstantMatrixOp:
        name = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        result = parser.parse_type()
        element = result.element_type if isinstance(result, MMAMatrixType) else result
        return cls.create(operands=[parser.resolve_operand(name, element)],
                          result_types=[result], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.value)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.res.type)


@irdl_op_definition
class ElementwiseOp(IRDLOperation):
    name = "gpu.subgroup_mma_elementwise"
    args = var_operand_def(AnyAttr())
    res = result_def(AnyAttr())
    opType = prop_def(AnyAttr())  # "addf", or MLIR's #gpu<mma_element_wise addf>

    def verify_(self) -> None:
        if keyword(self.opType) not in ELEMENTWISE:
            raise VerifyException(f"attribute 'opType' failed to satisfy constraint: "
                                  f"elementwise operation to apply to mma matrix, got "
                                  f"'{self.opType}'")
        for value in (*self.args, self.res):
            if not isinstance(value.type, MMAMatrixType):
                raise VerifyException(f"expected MMAMatrix type, but got '{value.type}'")

    @classmethod
    def parse(cls, parser: Parser) -> ElementwiseOp:
        start = parser.pos
        word = parser.parse_identifier()
        if word not in ELEMENTWISE:
            parser.raise_error("expected ::mlir::gpu::MMAElementwiseOp to be one of: "
                               + ", ".join(ELEMENTWISE), start, parser.pos)
        names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                  parser.parse_unresolved_operand)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        at = parser.pos
        function = parser.parse_function_type()
        inputs, outputs = function.inputs.data, function.outputs.data
        if len(inputs) != len(names) or len(outputs) != 1:
            parser.raise_error(f"expected {len(names)} operand types and one result type",
                               at, parser.pos)
        return cls.create(operands=[parser.resolve_operand(n, t)
                                    for n, t in zip(names, inputs, strict=True)],
                          result_types=list(outputs),
                          properties={"opType": _elementwise_attr(parser, word)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(f" {keyword(self.opType)} ")
        printer.print_list(self.args, printer.print_operand)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : (")
        printer.print_list([v.type for v in self.args], printer.print_attribute)
        printer.print_string(") -> ")
        printer.print_attribute(self.res.type)


def _elementwise_attr(parser: Parser, word: str) -> Attribute:
    """MLIR's `#gpu<mma_element_wise addf>`, which xDSL reads as an unregistered opaque
    attribute: kept so, the generic form prints as mlir-opt's (else the word)."""
    from xdsl.dialects.builtin import UnregisteredAttr

    opaque = parser.ctx.get_optional_attr("gpu.mma_element_wise")
    if opaque is None or not issubclass(opaque, UnregisteredAttr):
        return StringAttr(word)
    return opaque("gpu.mma_element_wise", False, True, f" {word}")


def _thread_local_check(value: SSAValue, matrix: SSAValue) -> None:
    t = matrix.type
    if not isinstance(t, MMAMatrixType) or t.element_type != value.type:
        raise VerifyException("failed to verify that value type matches element type of "
                              "mma_matrix")


@irdl_op_definition
class ExtractThreadLocalOp(IRDLOperation):
    name = "gpu.subgroup_mma_extract_thread_local"
    matrix = operand_def(AnyAttr())
    indices = var_operand_def(AnyAttr())
    res = result_def(AnyAttr())

    def verify_(self) -> None:
        check_indices(self.indices, 1)
        _thread_local_check(self.res, self.matrix)

    @classmethod
    def parse(cls, parser: Parser) -> ExtractThreadLocalOp:
        name = parser.parse_unresolved_operand()
        indices = parse_indices(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        matrix = parser.resolve_operand(name, parser.parse_type())
        parser.parse_punctuation("->")
        return cls.create(operands=[matrix, *indices], result_types=[parser.parse_type()],
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.matrix)
        print_indices(printer, self.indices)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.matrix.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.res.type)


@irdl_op_definition
class InsertThreadLocalOp(IRDLOperation):
    name = "gpu.subgroup_mma_insert_thread_local"
    value = operand_def(AnyAttr())
    matrix = operand_def(AnyAttr())
    indices = var_operand_def(AnyAttr())
    res = result_def(AnyAttr())

    def verify_(self) -> None:
        check_indices(self.indices, 2)
        _thread_local_check(self.value, self.matrix)
        if self.res.type != self.matrix.type:
            raise VerifyException("failed to verify that all of {matrix, res} have same type")

    @classmethod
    def parse(cls, parser: Parser) -> InsertThreadLocalOp:
        value = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        name = parser.parse_unresolved_operand()
        indices = parse_indices(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        value_type = parser.parse_type()
        parser.parse_punctuation(",")
        matrix_type = parser.parse_type()
        parser.parse_punctuation("->")
        result = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(value, value_type),
                                    parser.resolve_operand(name, matrix_type), *indices],
                          result_types=[result], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.value)
        printer.print_string(", ")
        printer.print_operand(self.matrix)
        print_indices(printer, self.indices)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.value.type)
        printer.print_string(", ")
        printer.print_attribute(self.matrix.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.res.type)
