"""MLIR's `index` dialect, which xDSL 0.74 does not have: target-width-independent
integer arithmetic on `index` values (`index.add`, `index.cmp slt(%a, %b)`,
`index.constant 4`, `index.casts %x : i32 to index`, ...), as upstream prints it."""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects.builtin import BoolAttr, IndexType, IntegerAttr, IntegerType, i1
from xdsl.ir import Dialect, Operation
from xdsl.irdl import (
    AnyAttr,
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

_BINARY = ("add", "sub", "mul", "divs", "divu", "ceildivs", "ceildivu", "floordivs",
           "rems", "remu", "maxs", "maxu", "mins", "minu", "shl", "shrs", "shru", "and",
           "or", "xor")
PREDICATES = ("eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge")


def _binary(mnemonic: str) -> type[Operation]:
    class Binary(IRDLOperation):
        name = f"index.{mnemonic}"
        lhs = operand_def(IndexType())
        rhs = operand_def(IndexType())
        result = result_def(IndexType())
        traits = traits_def(Pure())
        assembly_format = "$lhs `,` $rhs attr-dict"

    Binary.__name__ = Binary.__qualname__ = f"{mnemonic.title()}Op"
    return irdl_op_definition(Binary)


def _cast(mnemonic: str) -> type[Operation]:
    class Cast(IRDLOperation):
        """Between `index` and an integer type, one side each (signed or unsigned)."""

        name = f"index.{mnemonic}"
        input = operand_def(base(IntegerType) | base(IndexType))
        output = result_def(base(IntegerType) | base(IndexType))
        traits = traits_def(Pure())
        assembly_format = "$input attr-dict `:` type($input) `to` type($output)"

        def verify_(self) -> None:
            if isinstance(self.input.type, IndexType) == isinstance(self.output.type,
                                                                     IndexType):
                raise VerifyException(f"operand type '{self.input.type}' and result type "
                                      f"'{self.output.type}' are cast incompatible")

    Cast.__name__ = Cast.__qualname__ = f"{mnemonic.title()}Op"
    return irdl_op_definition(Cast)


@irdl_op_definition
class ConstantOp(IRDLOperation):
    name = "index.constant"
    value = prop_def(IntegerAttr)
    result = result_def(IndexType())
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> ConstantOp:
        value = parser.parse_integer(allow_boolean=False)
        attributes = parser.parse_optional_attr_dict()
        return cls.create(properties={"value": IntegerAttr(value, IndexType())},
                          result_types=[IndexType()], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(f" {self.value.value.data}")
        printer.print_op_attributes(self.attributes)


@irdl_op_definition
class BoolConstantOp(IRDLOperation):
    name = "index.bool.constant"
    value = prop_def(BoolAttr)
    result = result_def(i1)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> BoolConstantOp:
        start = parser.pos
        word = parser.parse_optional_keyword("true") or parser.parse_optional_keyword("false")
        if word is None:
            parser.raise_error("expected 'true' or 'false'", start, start + 1)
        attributes = parser.parse_optional_attr_dict()
        return cls.create(properties={"value": IntegerAttr(int(word == "true"), i1)},
                          result_types=[i1], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" true" if self.value.value.data else " false")
        printer.print_op_attributes(self.attributes)


@irdl_op_definition
class CmpOp(IRDLOperation):
    """`index.cmp slt(%a, %b)`; the predicate is stored as MLIR's enum number."""

    name = "index.cmp"
    PREDICATES: ClassVar[tuple[str, ...]] = PREDICATES
    lhs = operand_def(IndexType())
    rhs = operand_def(IndexType())
    pred = prop_def(AnyAttr())  # our number, or MLIR's `#index<cmp_predicate slt>`
    result = result_def(i1)

    def predicate(self) -> str:
        if isinstance(self.pred, IntegerAttr):
            return PREDICATES[self.pred.value.data]
        text = str(self.pred)
        return text[text.rfind(" ") + 1: text.rfind(">")]

    def verify_(self) -> None:
        if self.predicate() not in PREDICATES:
            raise VerifyException(f"unknown predicate {self.pred}")
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> CmpOp:
        start = parser.pos
        predicate = parser.parse_identifier()
        if predicate not in PREDICATES:
            parser.raise_error(f"expected one of {', '.join(PREDICATES)}, got '{predicate}'",
                               start, start + len(predicate))
        parser.parse_punctuation("(")
        lhs = parser.parse_operand(IndexType())
        parser.parse_punctuation(",")
        rhs = parser.parse_operand(IndexType())
        parser.parse_punctuation(")")
        attributes = parser.parse_optional_attr_dict()
        return cls.create(operands=[lhs, rhs], result_types=[i1], attributes=attributes,
                          properties={"pred": IntegerAttr(PREDICATES.index(predicate), 64)})

    def print(self, printer: Printer) -> None:
        printer.print_string(f" {self.predicate()}(")
        printer.print_operand(self.lhs)
        printer.print_string(", ")
        printer.print_operand(self.rhs)
        printer.print_string(")")
        printer.print_op_attributes(self.attributes)


@irdl_op_definition
class SizeOfOp(IRDLOperation):
    name = "index.sizeof"
    result = result_def(IndexType())
    traits = traits_def(Pure())
    assembly_format = "attr-dict"


Index = Dialect("index", [*(_binary(m) for m in _BINARY), _cast("casts"), _cast("castu"),
                          ConstantOp, BoolConstantOp, CmpOp, SizeOfOp], [])
