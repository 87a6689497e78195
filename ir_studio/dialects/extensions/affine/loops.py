"""MLIR's custom syntax for `affine.if` and `affine.parallel`, which xDSL 0.74 parses in
generic form only. Bodies without a terminator get the implicit `affine.yield`, as
MLIR's parsers add it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xdsl.dialects import affine
from xdsl.dialects.builtin import (
    AffineMapAttr,
    AffineSetAttr,
    ArrayAttr,
    DenseIntOrFPElementsAttr,
    IndexType,
    IntegerAttr,
    StringAttr,
    i32,
    i64,
)
from xdsl.ir import Region, SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap
from xdsl.irdl import base
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    attach_syntax,
    consumed_end,
    parse_optional_arrow_types,
    print_optional_arrow_types,
)
from ir_studio.dialects.extensions.scf.loops import (
    ensure_terminator,
    induction_variables,
    is_terminator,
)


def install() -> None:
    """A row of the patch table: MLIR's syntax of affine.if and affine.parallel."""
    attach_syntax(affine.IfOp, _parse_affine_if, _print_affine_if)
    attach_syntax(affine.ParallelOp, _parse_affine_parallel, _print_affine_parallel)


# --- affine.if ---------------------------------------------------------------------------

def _parse_affine_if(cls: type[affine.IfOp], parser: Parser) -> affine.IfOp:
    """`#set(%dims)[%symbols] [-> types] { ... } [else { ... }]`"""
    start = parser.pos
    condition = parser.parse_attribute()
    if not isinstance(condition, AffineSetAttr):
        parser.raise_error("expected an integer set (affine_set<...> or its alias)",
                           start, consumed_end(parser))
    dims = parser.parse_optional_comma_separated_list(
        Parser.Delimiter.PAREN,
        lambda: parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())) or []
    symbols = parser.parse_optional_comma_separated_list(
        Parser.Delimiter.SQUARE,
        lambda: parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())) or []
    expected = condition.data.num_dims, condition.data.num_symbols
    if (len(dims), len(symbols)) != expected:
        parser.raise_error(f"the integer set takes {expected[0]} dimension and {expected[1]} "
                           f"symbol operands, got {len(dims)} and {len(symbols)}", start,
                           consumed_end(parser))
    result_types = parse_optional_arrow_types(parser)
    then_region = parser.parse_region()
    else_region = Region()
    if parser.parse_optional_keyword("else") is not None:
        else_region = parser.parse_region()
    attributes = parser.parse_optional_attr_dict()
    if not result_types:
        ensure_terminator(then_region, affine.YieldOp.create)
        if else_region.blocks:
            ensure_terminator(else_region, affine.YieldOp.create)
    return cls.create(operands=[*dims, *symbols], result_types=result_types,
                      properties={"condition": condition}, attributes=attributes,
                      regions=[then_region, else_region])


def _print_affine_if(self: affine.IfOp, printer: Printer) -> None:
    condition = self.condition.data
    printer.print_string(" ")
    printer.print_attribute(self.condition)
    printer.print_string("(")
    printer.print_list(self.args[: condition.num_dims], printer.print_operand)
    printer.print_string(")")
    if condition.num_symbols:
        printer.print_string("[")
        printer.print_list(self.args[condition.num_dims:], printer.print_operand)
        printer.print_string("]")
    print_optional_arrow_types(printer, self.result_types)
    printer.print_string(" ")
    has_results = bool(self.results)
    printer.print_region(self.then_region, print_entry_block_args=False,
                         print_block_terminators=has_results)
    if self.else_region.blocks and (has_results or _has_non_terminator(self.else_region)):
        printer.print_string(" else ")
        printer.print_region(self.else_region, print_entry_block_args=False,
                             print_block_terminators=has_results)
    printer.print_op_attributes(self.attributes)


def _has_non_terminator(region: Region) -> bool:
    return any(not op.has_trait(is_terminator()) for op in region.block.ops)


# --- affine.parallel ---------------------------------------------------------------------

# arith::AtomicRMWKind in MLIR's order: the generic form stores the index
ATOMIC_RMW_KINDS = ("addf", "addi", "andi", "assign", "maximumf", "maxnumf", "maxs", "maxu",
                    "minimumf", "minnumf", "mins", "minu", "mulf", "muli", "ori", "xori")


def _reduction_attr(parser: Parser, kind: str) -> IntegerAttr:
    if kind not in ATOMIC_RMW_KINDS:
        parser.raise_error(f"invalid reduction kind '{kind}'")
    return IntegerAttr(ATOMIC_RMW_KINDS.index(kind), i64)


def _parse_affine_parallel(cls: type[affine.ParallelOp], parser: Parser) -> affine.ParallelOp:
    """`(%i, %j) = (0, max(%a, 2)) to (%n, 16) [step (1, 2)] [reduce ("addf") -> (f32)]`"""
    ivs = induction_variables(parser)
    parser.parse_punctuation("=")
    lower_map, lower_groups, lower_operands = _parse_bounds(parser, "max")
    parser.parse_keyword("to")
    upper_map, upper_groups, upper_operands = _parse_bounds(parser, "min")
    steps = [1] * len(ivs)
    if parser.parse_optional_keyword("step") is not None:
        steps = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                  parser.parse_integer)
    for name, count in (("lower bounds", len(lower_groups)), ("upper bounds", len(upper_groups)),
                        ("steps", len(steps))):
        if count != len(ivs):
            parser.raise_error(f"expected {len(ivs)} {name}, got {count}")
    reductions: list[Any] = []
    result_types: list[Any] = []
    if parser.parse_optional_keyword("reduce") is not None:
        kinds = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                  parser.parse_str_literal)
        reductions = [_reduction_attr(parser, kind) for kind in kinds]
        result_types = parse_optional_arrow_types(parser)
    body = parser.parse_region(ivs)
    attributes = parser.parse_optional_attr_dict()
    if not result_types:
        ensure_terminator(body, affine.YieldOp.create)
    properties = {
        "reductions": ArrayAttr(reductions),
        "lowerBoundsMap": AffineMapAttr(lower_map),
        "lowerBoundsGroups": DenseIntOrFPElementsAttr.from_list(
            _vector_of_i32(len(lower_groups)), lower_groups),
        "upperBoundsMap": AffineMapAttr(upper_map),
        "upperBoundsGroups": DenseIntOrFPElementsAttr.from_list(
            _vector_of_i32(len(upper_groups)), upper_groups),
        "steps": ArrayAttr([IntegerAttr(step, i64) for step in steps]),
    }
    return cls.create(operands=[*lower_operands, *upper_operands], result_types=result_types,
                      properties=properties, attributes=attributes, regions=[body])


def _vector_of_i32(length: int) -> Any:
    from xdsl.dialects.builtin import TensorType

    return TensorType(i32, [length])


def _parse_bounds(parser: Parser, keyword: str) -> tuple[AffineMap, list[int], list[SSAValue]]:
    """Each bound is an affine expression of SSA ids, or `max(...)`/`min(...)` of several;
    every id becomes a symbol of the map."""
    from xdsl.parser.core import UnresolvedOperand

    from ir_studio.frontends.affine_exprs import CheckedAffineParser

    affine_parser = CheckedAffineParser(parser._parser_state)  # shares the token stream
    # Also reads `symbol(%x)`, as mlir-opt prints symbol operands (see affine/ops.py).
    parse_id, symbols, spans = affine_parser._get_parse_optional_ssa_value()
    groups: list[int] = []
    exprs: list[AffineExpr] = []

    def bound() -> None:
        if parser.parse_optional_keyword(keyword) is not None:
            group = parser.parse_comma_separated_list(
                Parser.Delimiter.PAREN, lambda: affine_parser._parse_affine_expr(parse_id))
        else:
            group = [affine_parser._parse_affine_expr(parse_id)]
        groups.append(len(group))
        exprs.extend(group)

    parser.parse_comma_separated_list(Parser.Delimiter.PAREN, bound)
    operands: list[SSAValue] = [parser.resolve_operand(UnresolvedOperand(span, 0), IndexType())
                                for span in spans]
    return AffineMap(0, len(symbols), tuple(exprs)), groups, operands


def _print_affine_parallel(self: affine.ParallelOp, printer: Printer) -> None:
    lower_map = self.lowerBoundsMap.data
    upper_map = self.upperBoundsMap.data
    lower_count = lower_map.num_dims + lower_map.num_symbols
    printer.print_string(" (")
    printer.print_list(self.body.block.args,
                       lambda a: printer.print_block_argument(a, print_type=False))
    printer.print_string(") = ")
    _print_bounds(printer, lower_map, list(self.lowerBoundsGroups.get_values()),
                  self.map_operands[:lower_count], "max")
    printer.print_string(" to ")
    _print_bounds(printer, upper_map, list(self.upperBoundsGroups.get_values()),
                  self.map_operands[lower_count:], "min")
    steps = [step.value.data for step in self.steps.data]
    if any(step != 1 for step in steps):
        printer.print_string(f" step ({', '.join(str(step) for step in steps)})")
    if self.reductions.data:
        printer.print_string(" reduce (")
        printer.print_list(self.reductions.data, lambda kind: printer.print_string_literal(
            kind.data if isinstance(kind, StringAttr) else
            ATOMIC_RMW_KINDS[kind.value.data] if isinstance(kind, IntegerAttr)
            and 0 <= kind.value.data < len(ATOMIC_RMW_KINDS) else str(kind)))
        printer.print_string(")")
        print_optional_arrow_types(printer, self.result_types)
    printer.print_string(" ")
    printer.print_region(self.body, print_entry_block_args=False,
                         print_block_terminators=bool(self.results))
    printer.print_op_attributes(self.attributes)


def _print_bounds(printer: Printer, affine_map: AffineMap, groups: Sequence[int],
                  operands: Sequence[SSAValue], keyword: str) -> None:
    from xdsl.dialects.affine import _print_affine_expr_of_ssa_ids

    # Dimensions come first in the operand list, then symbols, as in the map.
    printer.print_string("(")
    position = 0
    for index, size in enumerate(groups):
        if index:
            printer.print_string(", ")
        exprs = affine_map.results[position: position + size]
        position += size
        if size != 1:
            printer.print_string(f"{keyword}(")
        for offset, expr in enumerate(exprs):
            if offset:
                printer.print_string(", ")
            _print_affine_expr_of_ssa_ids(printer, _as_symbols(expr, affine_map.num_dims),
                                          operands)
        if size != 1:
            printer.print_string(")")
    printer.print_string(")")


def _as_symbols(expr: AffineExpr, num_dims: int) -> AffineExpr:
    """xDSL's printer looks operands up by dim or symbol position alone; shift symbols
    past the dims so both index the one operand list."""
    if not num_dims:
        return expr
    return expr.replace_dims_and_symbols(
        [AffineExpr.dimension(i) for i in range(num_dims)],
        [AffineExpr.symbol(num_dims + i) for i in range(64)])


def install_parallel_checks() -> None:
    """A row of the patch table: MLIR's checks of affine.parallel, with the reduction
    kinds stored as MLIR stores them (arith::AtomicRMWKind numbers; xDSL wants strings)."""
    affine.ParallelOp.verify_ = _verify_affine_parallel  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table: MLIR's verifier on xDSL's op class
    definition = affine.ParallelOp.get_irdl_definition()
    old = definition.properties["reductions"]
    definition.properties["reductions"] = type(old)(base(ArrayAttr))


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
