"""Reductions with several values: `scf.reduce(%a, %b : f32, i32) {...}, {...}` (one
region per value, comma separated as MLIR prints them; xDSL's format reads one) and
`affine.parallel ... reduce ("minimumf", "maximumf") -> (f32, f32)` (xDSL's verifier
counts the results among the bound operands, so any reduction was rejected)."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import affine, scf
from xdsl.dialects.builtin import ArrayAttr
from xdsl.irdl import base
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import attach_syntax


def install() -> None:
    """Idempotent."""
    attach_syntax(scf.ReduceOp, _parse_reduce, _print_reduce)
    affine.ParallelOp.verify_ = _verify_affine_parallel  # pyright: ignore[reportAttributeAccessIssue]  # patches xDSL's class: the upstream-syntax layer installs MLIR's syntax and rules
    # MLIR stores the kinds as arith::AtomicRMWKind numbers; xDSL wants strings
    definition = affine.ParallelOp.get_irdl_definition()
    old = definition.properties["reductions"]
    definition.properties["reductions"] = type(old)(base(ArrayAttr))


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


def _verify_affine_parallel(op: affine.ParallelOp) -> None:
    lower, upper = op.lowerBoundsMap.data, op.upperBoundsMap.data
    wanted = lower.num_dims + lower.num_symbols + upper.num_dims + upper.num_symbols
    if len(op.operands) != wanted:
        raise VerifyException(f"expected {wanted} bound operands, got {len(op.operands)}")
    if len(op.reductions.data) != len(op.results):
        raise VerifyException("a reduction must be specified for each output")
    if sum(op.lowerBoundsGroups.get_values()) != len(lower.results):
        raise VerifyException("expected lower bound map to have as many results as "
                              "lowerBoundsGroups sums to")
    if sum(op.upperBoundsGroups.get_values()) != len(upper.results):
        raise VerifyException("expected upper bound map to have as many results as "
                              "upperBoundsGroups sums to")
