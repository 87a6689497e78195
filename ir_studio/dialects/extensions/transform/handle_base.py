"""Shared pieces of the hand-written transform ops (`matchers.py`,
`rewrites.py`, ...): an op of transform handles whose attributes are properties,
and MLIR's custom<SemiFunctionType> directive."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from xdsl.dialects.builtin import FunctionType
from xdsl.ir import Attribute
from xdsl.irdl import IRDLOperation, opt_prop_def, var_operand_def, var_result_def
from xdsl.parser import Parser
from xdsl.printer import Printer


class HandleOp(IRDLOperation):
    """Operands and results are transform values; `PROPERTIES` are the attributes MLIR
    keeps as properties (read from the attribute dictionary)."""

    PROPERTIES: ClassVar[tuple[str, ...]] = ()
    handles = var_operand_def()
    results_ = var_result_def()

    @classmethod
    def _split(cls, attributes: dict[str, Attribute]) -> tuple[dict[str, Attribute],
                                                               dict[str, Attribute]]:
        return ({k: v for k, v in attributes.items() if k in cls.PROPERTIES},
                {k: v for k, v in attributes.items() if k not in cls.PROPERTIES})

    def _print_attributes(self, hidden: Sequence[str] = ()) -> dict[str, Attribute]:
        return {k: v for k, v in {**self.properties, **self.attributes}.items()
                if k not in hidden}


def props(*names: str) -> dict[str, Any]:
    return {name: opt_prop_def(Attribute) for name in names}


def parse_semi_function(parser: Parser, allow_short: bool = True) -> tuple[Attribute, list[Any]]:
    """MLIR's custom<SemiFunctionType>: `T` (no results, where allowed) or
    `(T) -> R` / `(T) -> (R1, R2)`."""
    start = parser._current_token.span.start  # no public peek
    if not allow_short and parser._current_token.text != "(":
        parser.raise_error("expected '('", start, start + 1)
    written = parser.parse_type()
    if isinstance(written, FunctionType):
        if len(written.inputs) != 1:
            parser.raise_error("expected a single argument type", start, parser.pos)
        return written.inputs.data[0], list(written.outputs.data)
    return written, []


def print_semi_function(printer: Printer, operand: Attribute, results: Sequence[Any],
                         allow_short: bool = True) -> None:
    if not results and allow_short:
        printer.print_attribute(operand)
        return
    printer.print_attribute(FunctionType.from_lists([operand], list(results)))
