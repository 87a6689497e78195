"""Optional keywords of arith's float casts: `arith.truncf %x to_nearest_even fastmath<...>`
(the rounding mode) and `arith.extf %x fastmath<...>`, which xDSL 0.74 does not read. The
casts carry `roundingmode = N : i32` and `fastmath` as attributes, which MLIR also accepts
in a generic attribute dictionary."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import arith
from xdsl.dialects.arith import FastMathFlagsAttr
from xdsl.dialects.builtin import IntegerAttr, i32
from xdsl.ir import Operation
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import parse_fastmath, print_fastmath

# arith::RoundingMode, in MLIR's order (the generic form stores the index)
ROUNDING_MODES = ("to_nearest_even", "downward", "upward", "toward_zero", "to_nearest_away")


def install() -> None:
    """A row of the patch table: the optional keywords of truncf and extf."""
    for cls in (arith.TruncFOp, arith.ExtFOp):
        _wrap_float_cast(cls)


def _wrap_float_cast(cls: type[Operation]) -> None:
    """`$in (rounding-mode)? (fastmath<flags>)? attr-dict : T to T` (truncf; extf has
    no rounding mode)."""
    with_rounding = cls is arith.TruncFOp

    def parse(cls_: type[Any], parser: Parser) -> Any:
        value = parser.parse_unresolved_operand()
        extra: dict[str, Any] = {}
        if with_rounding:
            for index, mode in enumerate(ROUNDING_MODES):
                if parser.parse_optional_keyword(mode) is not None:
                    extra["roundingmode"] = IntegerAttr(index, i32)
                    break
        flags = parse_fastmath(parser)
        if flags != FastMathFlagsAttr("none"):
            extra["fastmath"] = flags
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source = parser.resolve_operand(value, parser.parse_type())
        parser.parse_keyword("to")
        target = parser.parse_type()
        op = cls_.create(operands=[source], result_types=[target],
                         attributes={**attributes, **extra})
        return op

    def print_op(self: Any, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.input)
        mode = self.attributes.get("roundingmode")
        shown: tuple[str, ...] = ()
        if (with_rounding and isinstance(mode, IntegerAttr)
                and 0 <= mode.value.data < len(ROUNDING_MODES)):
            printer.print_string(f" {ROUNDING_MODES[mode.value.data]}")
            shown += ("roundingmode",)
        flags = self.attributes.get("fastmath")
        if isinstance(flags, FastMathFlagsAttr):
            print_fastmath(printer, flags)
            shown += ("fastmath",)
        printer.print_op_attributes({k: v for k, v in self.attributes.items()
                                     if k not in shown})
        printer.print_string(" : ")
        printer.print_attribute(self.input.type)
        printer.print_string(" to ")
        printer.print_attribute(self.result.type)

    cls.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    cls.print = print_op
