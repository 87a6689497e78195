"""The gpu dialect's `!gpu.mma_matrix` type and the warp-level matrix (MMA) ops that load,
store and multiply such matrices, with MLIR 22's syntax and verifiers (GPUOps.td,
GPUDialect.cpp); xDSL 0.74 has none of them (the ops on matrix values are in
`mma_values.py`):

    %a = gpu.subgroup_mma_load_matrix %buf[%i, %j] {leadDimension = 32 : index}
        : memref<32x32xf16> -> !gpu.mma_matrix<16x16xf16, "AOp">
    %d = gpu.subgroup_mma_compute %a, %b, %c : !gpu.mma_matrix<16x16xf16, "AOp">,
        !gpu.mma_matrix<16x16xf16, "BOp"> -> !gpu.mma_matrix<16x16xf32, "COp">
    gpu.subgroup_mma_store_matrix %d, %out[%i, %j] {leadDimension = 32 : index}
        : !gpu.mma_matrix<16x16xf32, "COp">, memref<32x32xf32>

A matrix type is "AOp", "BOp" or "COp": which operand of the multiply-accumulate it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xdsl.dialects.builtin import (
    ArrayAttr,
    Float16Type,
    Float32Type,
    Float64Type,
    IndexType,
    IntAttr,
    IntegerAttr,
    IntegerType,
    MemRefType,
    Signedness,
    StridedLayoutAttr,
    StringAttr,
    UnitAttr,
    VectorType,
)
from xdsl.ir import Attribute, Operation, ParametrizedAttribute, SSAValue, TypeAttribute
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_attr_definition,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    param_def,
    result_def,
    var_operand_def,
)
from xdsl.parser import AttrParser, Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

OPERANDS = ("AOp", "BOp", "COp")
# gpu::MMAElementwiseOp in its order
ELEMENTWISE = ("addf", "mulf", "subf", "maxf", "minf", "divf", "addi", "muli", "subi", "divs",
               "divu", "negatef", "negates", "extf")


def ops() -> list[type[Operation]]:
    return [LoadMatrixOp, StoreMatrixOp, ComputeOp]


def attributes() -> list[type[Attribute]]:
    return [MMAMatrixType]


# --- element kinds, named as ODS names them in its messages ------------------------------

def kind_of(t: Attribute) -> str | None:
    if isinstance(t, IntegerType):
        sign = {Signedness.SIGNED: "SI", Signedness.UNSIGNED: "UI"}.get(
            t.signedness.data, "I")
        return f"{sign}{t.width.data}"
    return {Float16Type: "F16", Float32Type: "F32", Float64Type: "F64"}.get(type(t))


_WORDS = {"SI8": "8-bit signed integer", "UI8": "8-bit unsigned integer",
          "I8": "8-bit signless integer", "I32": "32-bit signless integer",
          "F16": "16-bit float", "F32": "32-bit float", "F64": "64-bit float"}
_MATRIX_ELEMENTS = ("SI8", "UI8", "I32", "F16", "F32", "F64")
_MEMREF_ELEMENTS = ("I8", "I32", "F16", "F32", "F64")


def described(kinds: Sequence[str]) -> str:
    return " or ".join(_WORDS[k] for k in kinds)


@irdl_attr_definition
class MMAMatrixType(ParametrizedAttribute, TypeAttribute):
    """`!gpu.mma_matrix<16x16xf16, "AOp">`"""

    name = "gpu.mma_matrix"
    shape: ArrayAttr[IntAttr] = param_def()
    element_type: Attribute = param_def()
    operand: StringAttr = param_def()

    def get_shape(self) -> tuple[int, ...]:
        return tuple(size.data for size in self.shape.data)

    def verify(self) -> None:
        problem = _type_problem(self.get_shape(), self.element_type, self.operand.data)
        if problem is not None:
            raise VerifyException(problem)

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        start = parser.pos - len("mma_matrix")  # MLIR reports at the type's name
        parser.parse_punctuation("<")
        at_shape = parser.pos
        shape, element = parser.parse_ranked_shape()
        if any(size < 0 for size in shape):
            at = parser.lexer.input.content.find("?", at_shape, parser.pos)
            parser.raise_error("expected static shape", at, at + 1)
        parser.parse_punctuation(",")
        word = parser.parse_str_literal()  # mlir-opt 22 fails (silently) on a bare word
        parser.parse_punctuation(">")
        problem = _type_problem(tuple(shape), element, word)
        if problem is not None:
            parser.raise_error(problem, start, start + len("mma_matrix"))
        return [ArrayAttr([IntAttr(size) for size in shape]), element, StringAttr(word)]

    def print_parameters(self, printer: Printer) -> None:
        dims = "x".join(str(size) for size in self.get_shape())
        printer.print_string(f"<{dims}x")
        printer.print_attribute(self.element_type)
        printer.print_string(f', "{self.operand.data}">')


def _type_problem(shape: tuple[int, ...], element: Attribute, operand: str) -> str | None:
    """MMAMatrixType::verifyInvariants, in its order."""
    if len(shape) != 2:
        return "MMAMatrixType must have exactly two dimensions"
    if operand not in OPERANDS:
        return "operand expected to be one of AOp, BOp or COp"
    if kind_of(element) not in _MATRIX_ELEMENTS:
        return "MMAMatrixType elements must be SI8, UI8, I32, F16, F32, or F64"
    return None


def _matrix(value: SSAValue, number: int, kinds: Sequence[str], what: str = "operand") -> \
        MMAMatrixType:
    t = value.type
    if not isinstance(t, MMAMatrixType) or kind_of(t.element_type) not in kinds:
        raise VerifyException(f"{what} #{number} must be gpu.mma_matrix of "
                              f"{described(kinds)} values, but got '{t}'")
    return t


def _mma_memref(value: SSAValue, number: int) -> MemRefType[Any]:
    t = value.type
    element = t.element_type if isinstance(t, MemRefType) else None
    if isinstance(element, VectorType) and len(element.get_shape()) == 1:
        element = element.element_type
    if not isinstance(t, MemRefType) or element is None or kind_of(element) not in \
            _MEMREF_ELEMENTS:
        listed = described(_MEMREF_ELEMENTS)
        raise VerifyException(f"operand #{number} must be memref of {listed} or vector of "
                              f"{listed} values of ranks 1 values, but got '{t}'")
    return t


def _unit_last_stride(t: MemRefType[Any]) -> bool:
    """MemRefType::isLastDimUnitStride, for the layouts written in practice."""
    layout = t.layout
    if isinstance(layout, StridedLayoutAttr) and layout.strides.data:
        last = layout.strides.data[-1]
        return isinstance(last, IntAttr) and last.data == 1
    return True


def check_indices(values: Sequence[SSAValue], first: int) -> None:
    for number, value in enumerate(values, first):
        if not isinstance(value.type, IndexType):
            raise VerifyException(f"operand #{number} must be variadic of index, but got "
                                  f"'{value.type}'")


def print_indices(printer: Printer, values: Sequence[SSAValue]) -> None:
    printer.print_string("[")
    printer.print_list(values, printer.print_operand)
    printer.print_string("]")


def parse_indices(parser: Parser) -> list[SSAValue]:
    return parser.parse_comma_separated_list(
        Parser.Delimiter.SQUARE,
        lambda: parser.resolve_operand(parser.parse_unresolved_operand(), IndexType()))


def _split(attributes: dict[str, Attribute], names: Sequence[str]) -> tuple[
        dict[str, Attribute], dict[str, Attribute]]:
    """The attr-dict of these ops carries their inherent attributes (properties)."""
    return ({k: v for k, v in attributes.items() if k in names},
            {k: v for k, v in attributes.items() if k not in names})


def _lead_dimension(op: Any) -> None:
    if op.leadDimension is None:
        raise VerifyException("requires attribute 'leadDimension'")


@irdl_op_definition
class LoadMatrixOp(IRDLOperation):
    name = "gpu.subgroup_mma_load_matrix"
    srcMemref = operand_def(AnyAttr())
    indices = var_operand_def(AnyAttr())
    res = result_def(AnyAttr())
    leadDimension = opt_prop_def(IntegerAttr)  # required: checked with MLIR's message
    transpose = opt_prop_def(UnitAttr)

    def verify_(self) -> None:
        _lead_dimension(self)
        source = _mma_memref(self.srcMemref, 0)
        check_indices(self.indices, 1)
        if not isinstance(self.res.type, MMAMatrixType):
            raise VerifyException(f"result #0 must be MMAMatrix type, but got "
                                  f"'{self.res.type}'")
        if not _unit_last_stride(source):
            raise VerifyException("expected source memref most minor dim must have unit "
                                  "stride")

    @classmethod
    def parse(cls, parser: Parser) -> LoadMatrixOp:
        name = parser.parse_unresolved_operand()
        indices = parse_indices(parser)
        properties, attributes = _split(dict(parser.parse_optional_attr_dict()),
                                        ("leadDimension", "transpose"))
        parser.parse_punctuation(":")
        source = parser.resolve_operand(name, parser.parse_type())
        parser.parse_punctuation("->")
        return cls.create(operands=[source, *indices], result_types=[parser.parse_type()],
                          properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.srcMemref)
        print_indices(printer, self.indices)
        printer.print_op_attributes({**self.properties, **self.attributes})
        printer.print_string(" : ")
        printer.print_attribute(self.srcMemref.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.res.type)


@irdl_op_definition
class StoreMatrixOp(IRDLOperation):
    name = "gpu.subgroup_mma_store_matrix"
    src = operand_def(AnyAttr())
    dstMemref = operand_def(AnyAttr())
    indices = var_operand_def(AnyAttr())
    leadDimension = opt_prop_def(IntegerAttr)
    transpose = opt_prop_def(UnitAttr)

    def verify_(self) -> None:
        _lead_dimension(self)
        matrix = _matrix(self.src, 0, _MATRIX_ELEMENTS)
        destination = _mma_memref(self.dstMemref, 1)
        check_indices(self.indices, 2)
        if not _unit_last_stride(destination):
            raise VerifyException("expected destination memref most minor dim must have "
                                  "unit stride")
        if matrix.operand.data != "COp":
            raise VerifyException("expected the operand matrix being stored to have 'COp' "
                                  "operand type")

    @classmethod
    def parse(cls, parser: Parser) -> StoreMatrixOp:
        src = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        dst = parser.parse_unresolved_operand()
        indices = parse_indices(parser)
        properties, attributes = _split(dict(parser.parse_optional_attr_dict()),
                                        ("leadDimension", "transpose"))
        parser.parse_punctuation(":")
        src_value = parser.resolve_operand(src, parser.parse_type())
        parser.parse_punctuation(",")
        dst_value = parser.resolve_operand(dst, parser.parse_type())
        return cls.create(operands=[src_value, dst_value, *indices], properties=properties,
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.src)
        printer.print_string(", ")
        printer.print_operand(self.dstMemref)
        print_indices(printer, self.indices)
        printer.print_op_attributes({**self.properties, **self.attributes})
        printer.print_string(" : ")
        printer.print_attribute(self.src.type)
        printer.print_string(", ")
        printer.print_attribute(self.dstMemref.type)


@irdl_op_definition
class ComputeOp(IRDLOperation):
    name = "gpu.subgroup_mma_compute"
    opA = operand_def(AnyAttr())
    opB = operand_def(AnyAttr())
    opC = operand_def(AnyAttr())
    res = result_def(AnyAttr())
    a_transpose = opt_prop_def(UnitAttr)
    b_transpose = opt_prop_def(UnitAttr)

    def verify_(self) -> None:
        inputs = ("SI8", "UI8", "F16", "F32", "F64")
        a = _matrix(self.opA, 0, inputs)
        b = _matrix(self.opB, 1, inputs)
        c = _matrix(self.opC, 2, ("I32", "F16", "F32", "F64"))
        if self.res.type != c:
            raise VerifyException("failed to verify that all of {opC, res} have same type")
        if (a.operand.data, b.operand.data, c.operand.data) != OPERANDS:
            raise VerifyException("operands must be in the order AOp, BOp, COp")
        a_shape, b_shape, c_shape = a.get_shape(), b.get_shape(), c.get_shape()
        if self.a_transpose is not None:
            a_shape = a_shape[::-1]
        if self.b_transpose is not None:
            b_shape = b_shape[::-1]
        if a_shape[1] != b_shape[0] or a_shape[0] != c_shape[0] or b_shape[1] != c_shape[1]:
            raise VerifyException("operand shapes do not satisfy matmul constraints")

    @classmethod
    def parse(cls, parser: Parser) -> ComputeOp:
        names = [parser.parse_unresolved_operand()]
        for _ in range(2):
            parser.parse_punctuation(",")
            names.append(parser.parse_unresolved_operand())
        properties, attributes = _split(dict(parser.parse_optional_attr_dict()),
                                        ("a_transpose", "b_transpose"))
        parser.parse_punctuation(":")
        a_type = parser.parse_type()
        parser.parse_punctuation(",")
        b_type = parser.parse_type()
        parser.parse_punctuation("->")
        result = parser.parse_type()
        operands = [parser.resolve_operand(n, t)
                    for n, t in zip(names, (a_type, b_type, result), strict=True)]
        return cls.create(operands=operands, result_types=[result], properties=properties,
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list((self.opA, self.opB, self.opC), printer.print_operand)
        printer.print_op_attributes({**self.properties, **self.attributes})
        printer.print_string(" : ")
        printer.print_list((self.opA.type, self.opB.type), printer.print_attribute)
        printer.print_string(" -> ")
        printer.print_attribute(self.res.type)
