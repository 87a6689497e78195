"""The three Winograd convolution ops of MLIR 22's linalg (`linalg.winograd_filter_transform`,
`winograd_input_transform`, `winograd_output_transform`), which xDSL 0.74 lacks:

    %0 = linalg.winograd_filter_transform fmr(F_2_3) ins(%f : tensor<2x3x3x5xf32>)
        outs(%o : tensor<4x4x5x2xf32>) -> tensor<4x4x5x2xf32>

F(m, r) computes an m x m output tile from an r x r filter over (m + r - 1)-sized
input tiles. The verifiers follow LinalgOps.cpp: each transform's output shape follows
from its input shape and F(m, r), with a dimension of 1 meaning "not transformed"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from xdsl.dialects.builtin import DYNAMIC_INDEX, IntegerAttr, TensorType, i32
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import AnyAttr, IRDLOperation, irdl_op_definition, operand_def, prop_def, result_def
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_tensor_type

# WinogradConv2DFmr (LinalgEnums.td) in its order: the generic form stores the index
FMR = ("F_2_3", "F_4_3", "F_2_5")
_M_R = {"F_2_3": (2, 3), "F_4_3": (4, 3), "F_2_5": (2, 5)}


def ops() -> list[type[Operation]]:
    return [FilterTransformOp, InputTransformOp, OutputTransformOp]


def _shape(value: SSAValue) -> list[int]:
    t = value.type
    return list(t.get_shape()) if isinstance(t, TensorType) else []


def _compatible(expected: Sequence[int], actual: Sequence[int]) -> bool:
    """MLIR's verifyCompatibleShape: equal ranks, and sizes equal where both are known."""
    return len(expected) == len(actual) and all(
        a == b or DYNAMIC_INDEX in (a, b) for a, b in zip(expected, actual, strict=True))


def _div(a: int, b: int) -> int:
    """C++'s int64 division (truncating toward zero)."""
    quotient = abs(a) // b
    return quotient if a >= 0 else -quotient


class _WinogradOp(IRDLOperation):
    RANKS: ClassVar[tuple[int, int]] = (4, 4)
    INPUT_NAME: ClassVar[str] = "input"

    source = operand_def(AnyAttr())
    output = operand_def(AnyAttr())
    result = result_def(AnyAttr())
    fmr = prop_def(IntegerAttr)

    @property
    def outputs(self) -> Sequence[SSAValue]:
        """The init, under the name ir-studio's structured-op checks read."""
        return (self.output,)

    def m_r(self) -> tuple[int, int]:
        index = self.fmr.value.data
        return _M_R[FMR[index]] if 0 <= index < len(FMR) else (0, 0)

    def verify_(self) -> None:
        index = self.fmr.value.data
        if not 0 <= index < len(FMR):
            raise VerifyException("attribute 'fmr' failed to satisfy constraint: 32-bit "
                                  "signless integer attribute whose value is 0, 1, or 2")
        for number, (value, rank) in enumerate(
                ((self.source, self.RANKS[0]), (self.output, self.RANKS[1]))):
            if not (isinstance(value.type, TensorType) and len(value.type.get_shape()) == rank):
                raise VerifyException(f"operand #{number} must be {rank}D tensor of any type "
                                      f"values, but got '{value.type}'")
        if not (isinstance(self.result.type, TensorType)
                and len(self.result.type.get_shape()) == self.RANKS[1]):
            raise VerifyException(f"result #0 must be {self.RANKS[1]}D tensor of any type "
                                  f"values, but got '{self.result.type}'")
        source, output = self.source.type, self.output.type
        assert isinstance(source, TensorType)
        assert isinstance(output, TensorType)
        if source.element_type != output.element_type:
            raise VerifyException(f"failed to verify that all of {{{self.INPUT_NAME}, output}} "
                                  f"have same element type")
        if self.result.type != output:
            raise VerifyException(f"expected type of operand #1 ('{output}') to match type of "
                                  f"corresponding result ('{self.result.type}')")
        self.verify_shapes(_shape(self.source), _shape(self.output), *self.m_r())

    def verify_shapes(self, source: list[int], output: list[int], m: int, r: int) -> None:
        raise NotImplementedError

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        attributes = dict(parser.parse_optional_attr_dict())
        parser.parse_keyword("fmr")
        parser.parse_punctuation("(")
        start = parser.pos
        word = parser._current_token.text  # no public peek
        if word not in FMR:
            parser.raise_error("expected string or keyword containing one of the following "
                               "enum values for attribute 'fmr' [F_2_3, F_4_3, F_2_5]",
                               start, start + len(word))
        parser.parse_identifier()
        parser.parse_punctuation(")")
        operands: list[SSAValue] = []
        for keyword in ("ins", "outs"):
            parser.parse_keyword(keyword)
            parser.parse_punctuation("(")
            name = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            operands.append(parser.resolve_operand(name, parse_tensor_type(parser)))
            parser.parse_punctuation(")")
        parser.parse_punctuation("->")
        result_type: Attribute = parse_tensor_type(parser)
        return cls.create(operands=operands, result_types=[result_type],
                          properties={"fmr": IntegerAttr(FMR.index(word), i32)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_op_attributes(self.attributes)
        index = self.fmr.value.data
        printer.print_string(f" fmr({FMR[index] if 0 <= index < len(FMR) else index})")
        for keyword, value in (("ins", self.source), ("outs", self.output)):
            printer.print_string(f" {keyword}(")
            printer.print_operand(value)
            printer.print_string(" : ")
            printer.print_attribute(value.type)
            printer.print_string(")")
        printer.print_string(" -> ")
        printer.print_attribute(self.result.type)


@irdl_op_definition
class FilterTransformOp(_WinogradOp):
    """filter [F, H, W, C] -> [alphaH, alphaW, C, F]"""

    name = "linalg.winograd_filter_transform"
    INPUT_NAME: ClassVar[str] = "filter"

    def verify_shapes(self, source: list[int], output: list[int], m: int, r: int) -> None:
        height, width = source[1], source[2]
        if height not in (r, 1):
            raise VerifyException("expect filter height either equals to r or 1")
        if width not in (r, 1):
            raise VerifyException("expect filter width either equals to r or 1")
        if height == 1 and width == 1:
            raise VerifyException("expect either filter height or width equals to r")
        expected = [m + r - 1 if height == r else 1, m + r - 1 if width == r else 1,
                    source[3], source[0]]
        if not _compatible(expected, output):
            raise VerifyException("the output shape is not expected")


@irdl_op_definition
class InputTransformOp(_WinogradOp):
    """input [N, H, W, C] -> [alphaH, alphaW, tileH, tileW, N, C]"""

    name = "linalg.winograd_input_transform"
    RANKS: ClassVar[tuple[int, int]] = (4, 6)

    def verify_shapes(self, source: list[int], output: list[int], m: int, r: int) -> None:
        tile = m + r - 1
        expected = [0] * 6
        for size, alpha, tiles in ((source[1], 0, 2), (source[2], 1, 3)):
            if size == DYNAMIC_INDEX:
                expected[alpha], expected[tiles] = tile, DYNAMIC_INDEX
            else:
                transformed = output[alpha] != 1
                expected[alpha] = tile if transformed else 1
                expected[tiles] = _div(size - (r - 1), m) if transformed else size
        expected[4], expected[5] = source[0], source[3]
        if not _compatible(expected, output):
            raise VerifyException("the output shape is not expected")


@irdl_op_definition
class OutputTransformOp(_WinogradOp):
    """value [alphaH, alphaW, tileH, tileW, N, F] -> output [N, H, W, F]"""

    name = "linalg.winograd_output_transform"
    RANKS: ClassVar[tuple[int, int]] = (6, 4)
    INPUT_NAME: ClassVar[str] = "value"

    def verify_shapes(self, source: list[int], output: list[int], m: int, r: int) -> None:
        expected = [source[0]] * 4
        for alpha, tiles, at, word in ((0, 2, 1, "height"), (1, 3, 2, "width")):
            size, count = source[alpha], source[tiles]
            if DYNAMIC_INDEX in (size, count):
                expected[at] = DYNAMIC_INDEX
                continue
            transformed = size != 1
            if size != (m + r - 1 if transformed else 1):
                raise VerifyException(f"expect input {word} equals to input tile size")
            expected[at] = (m if transformed else 1) * count
        expected[0], expected[3] = source[4], source[5]
        if not _compatible(expected, output):
            raise VerifyException("the output shape is not expected")
