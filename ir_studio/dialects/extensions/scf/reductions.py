"""Reductions with several values: `scf.reduce(%a, %b : f32, i32) {...}, {...}` (one
region per value, comma separated as MLIR prints them; xDSL's format reads one). The
`affine.parallel` reductions are in `extensions/affine/loops.py`."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import scf
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import attach_syntax


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    attach_syntax(scf.ReduceOp, _parse_reduce, _print_reduce)


def _parse_reduce(cls: type[scf.ReduceOp], parser: Parser) -> scf.ReduceOp:
    values: list[Any] = []
    if parser.parse_optional_punctuation("(") is not None:
        names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                  parser.parse_unresolved_operand)
        parser.parse_punctuation(":")
        types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
        parser.parse_punctuation(")")
        if len(names) != len(types):
            parser.raise_error(f"expected {len(names)} types, got {len(types)}")
        values = [parser.resolve_operand(n, t) for n, t in zip(names, types, strict=True)]
    regions = []
    if values:
        regions.append(parser.parse_region())
        while parser.parse_optional_punctuation(",") is not None:
            regions.append(parser.parse_region())
    attributes = parser.parse_optional_attr_dict()
    op = cls(values, regions)
    op.attributes |= attributes
    return op


def _print_reduce(op: scf.ReduceOp, printer: Printer) -> None:
    if op.args:
        printer.print_string("(")
        printer.print_list(op.args, printer.print_operand)
        printer.print_string(" : ")
        printer.print_list(op.args.types, printer.print_attribute)
        printer.print_string(") ")
        printer.print_list(op.reductions, printer.print_region, ", ")
    printer.print_op_attributes(op.attributes)

