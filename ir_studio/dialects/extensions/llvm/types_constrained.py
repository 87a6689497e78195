"""Packed LLVM structs, scalable vectors in LLVM function types, and the constrained
floating-point casts:

    !llvm.struct<packed (i8, i32)>    !llvm.struct<"name", packed (i8)>    !llvm.struct<packed ()>
    %h = llvm.intr.experimental.constrained.fptrunc %x towardzero ignore : f32 to f16

xDSL 0.74's struct type has no packed flag and no parameter to hold one; the flag rides
in the name parameter behind a NUL marker (no MLIR struct name contains NUL), so packed
and unpacked structs stay different types and print as MLIR writes them."""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects import llvm
from xdsl.dialects.builtin import ArrayAttr, IntegerAttr, StringAttr, VectorType, i64
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
)
from xdsl.parser import AttrParser, Parser
from xdsl.printer import Printer

PACKED = "\0packed:"  # prefix of the name parameter of a packed struct


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    llvm.LLVMStructType.parse_parameters = classmethod(  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
        _parse_struct)
    llvm.LLVMStructType.print_parameters = _print_struct
    xdsl_compatible = llvm.is_compatible_type

    def is_compatible_type(type_attr: Any) -> bool:
        """MLIR's LLVMDialect::isCompatibleType: 1-D vectors may be scalable."""
        if isinstance(type_attr, VectorType):
            return (type_attr.get_num_dims() == 1
                    and is_compatible_type(type_attr.element_type))
        return xdsl_compatible(type_attr)

    llvm.is_compatible_type = is_compatible_type  # read at call time by llvm.func's check


def is_packed(struct: Any) -> bool:
    return struct.struct_name.data.startswith(PACKED)


def _parse_struct(cls: type[Any], parser: AttrParser) -> tuple[StringAttr, ArrayAttr]:
    parser.parse_characters("<", " in LLVM struct")
    name = parser.parse_optional_str_literal()
    if name is not None:
        parser.parse_characters(",", " after the struct name")
    packed = parser.parse_optional_keyword("packed") is not None
    fields = parser.parse_comma_separated_list(parser.Delimiter.PAREN,
                                               lambda: llvm.parse_llvm_type(parser))
    parser.parse_characters(">", " to close LLVM struct parameters")
    return StringAttr((PACKED if packed else "") + (name or "")), ArrayAttr(fields)


def _print_struct(self: Any, printer: Printer) -> None:
    name = self.struct_name.data
    packed = name.startswith(PACKED)
    name = name[len(PACKED):] if packed else name
    with printer.in_angle_brackets():
        if name:
            printer.print_string_literal(name)
            printer.print_string(", ")
        if packed:
            printer.print_string("packed ")
        with printer.in_parens():
            printer.print_list(self.types.data, printer.print_attribute)


def ops() -> list[type[Operation]]:
    return list(_CONSTRAINED)


# LLVM's rounding modes and exception behaviours, with MLIR's enum values.
ROUNDING = {"towardzero": 0, "tonearest": 1, "upward": 2, "downward": 3, "tonearestaway": 4,
            "dynamic": 7}
EXCEPTIONS = {"ignore": 0, "maytrap": 1, "strict": 2}


def _word(parser: Parser, choices: dict[str, int]) -> IntegerAttr:
    start = parser.pos
    word = parser.parse_identifier()
    if word not in choices:
        parser.raise_error(f"expected one of {', '.join(choices)}, got '{word}'", start,
                           parser.pos)
    return IntegerAttr(choices[word], i64)


def _name_of(value: Any, choices: dict[str, int]) -> str:
    number = value.value.data if isinstance(value, IntegerAttr) else -1
    return next((word for word, n in choices.items() if n == number), str(number))


class _ConstrainedCast(IRDLOperation):
    """`%r = llvm.intr.experimental.constrained.<cast> %x [rounding] behaviour : T to R`"""

    ROUNDS: ClassVar[bool] = True
    arg_0 = operand_def()
    res = result_def()
    fpExceptionBehavior = prop_def(IntegerAttr)
    roundingmode = opt_prop_def(IntegerAttr)

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        value = parser.parse_unresolved_operand()
        properties = {}
        if cls.ROUNDS:
            properties["roundingmode"] = _word(parser, ROUNDING)
        properties["fpExceptionBehavior"] = _word(parser, EXCEPTIONS)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source = parser.resolve_operand(value, parser.parse_type())
        parser.parse_keyword("to")
        return cls.create(operands=[source], result_types=[parser.parse_type()],
                          properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.arg_0)
        if self.ROUNDS:
            printer.print_string(f" {_name_of(self.roundingmode, ROUNDING)}")
        printer.print_string(f" {_name_of(self.fpExceptionBehavior, EXCEPTIONS)}")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.arg_0.type)
        printer.print_string(" to ")
        printer.print_attribute(self.res.type)


def _constrained(cast: str, rounds: bool) -> type[Operation]:
    class Constrained(_ConstrainedCast):
        name = f"llvm.intr.experimental.constrained.{cast}"
        ROUNDS: ClassVar[bool] = rounds

    Constrained.__name__ = Constrained.__qualname__ = f"Constrained{cast.title()}Op"
    return irdl_op_definition(Constrained)


_CONSTRAINED = (_constrained("fptrunc", True), _constrained("sitofp", True),
                _constrained("uitofp", True), _constrained("fpext", False))
