"""MLIR's custom syntax for `scf.parallel` (which xDSL 0.74 parses in generic form only),
`scf.if` and `scf.while`. Bodies without a terminator get the implicit one
(`scf.reduce`, `affine.yield`), as MLIR's parsers add it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xdsl.dialects import scf
from xdsl.dialects.builtin import (
    IndexType,
)
from xdsl.ir import Block, Operation, Region
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import (
    attach_syntax,
    consumed_end,
    parse_index_operands,
    parse_optional_arrow_types,
    print_optional_arrow_types,
)


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    attach_syntax(scf.ParallelOp, _parse_scf_parallel, _print_scf_parallel)
    scf.IfOp.parse = classmethod(_parse_scf_if)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class
    scf.WhileOp.parse = classmethod(_parse_scf_while)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class


def ensure_terminator(region: Region, make: Callable[[], Operation]) -> None:
    if not region.blocks:
        region.add_block(Block())
    block = region.blocks[-1]
    last = block.last_op
    if last is None or not last.has_trait(is_terminator()):
        block.add_op(make())


def is_terminator() -> Any:
    from xdsl.traits import IsTerminator

    return IsTerminator


def induction_variables(parser: Parser) -> list[Any]:
    return parser.parse_comma_separated_list(
        Parser.Delimiter.PAREN,
        lambda: parser.parse_argument(expect_type=False).resolve(IndexType()))


# --- scf.if: `-> T` as well as `-> (T1, T2)` (xDSL wants the parentheses) -----------

def _parse_scf_if(cls: type[scf.IfOp], parser: Parser) -> scf.IfOp:
    from xdsl.dialects.builtin import i1

    condition = parser.parse_operand(i1)
    result_types = parse_optional_arrow_types(parser)
    then_region = cls.parse_region_with_yield(parser)
    else_region = (cls.parse_region_with_yield(parser)
                   if parser.parse_optional_keyword("else") else Region())
    return cls(condition, result_types, then_region, else_region,
               parser.parse_optional_attr_dict())


# --- scf.while: `scf.while : () -> () {...}` without loop-carried values ----------------

def _parse_scf_while(cls: type[scf.WhileOp], parser: Parser) -> scf.WhileOp:
    def assignment() -> tuple[Any, Any]:
        argument = parser.parse_argument(expect_type=False)
        parser.parse_punctuation("=")
        return argument, parser.parse_unresolved_operand()

    pairs = parser.parse_optional_comma_separated_list(Parser.Delimiter.PAREN,
                                                       assignment) or []
    parser.parse_punctuation(":")
    start = parser.pos
    function_type = parser.parse_function_type()
    inputs = function_type.inputs.data
    if len(pairs) != len(inputs):
        parser.raise_error(f"expected {len(pairs)} operand types, got {len(inputs)}", start,
                           consumed_end(parser))
    arguments = [argument.resolve(t) for (argument, _), t in zip(pairs, inputs, strict=True)]
    operands = [parser.resolve_operand(operand, t)
                for (_, operand), t in zip(pairs, inputs, strict=True)]
    before = parser.parse_region(arguments or None)  # MLIR: a label only without arguments
    parser.parse_keyword("do")
    after = parser.parse_region()
    op = cls(operands, function_type.outputs.data, before, after)
    extra = parser.parse_optional_attr_dict_with_keyword()
    if extra is not None:
        op.attributes |= extra.data
    return op


# --- scf.parallel ------------------------------------------------------------------------

def _parse_scf_parallel(cls: type[scf.ParallelOp], parser: Parser) -> scf.ParallelOp:
    """`(%i) = (%lb) to (%ub) step (%s) [init (%x) -> T] { ... }`"""
    ivs = induction_variables(parser)
    parser.parse_punctuation("=")
    lower = parse_index_operands(parser)
    parser.parse_keyword("to")
    upper = parse_index_operands(parser)
    parser.parse_keyword("step")
    steps = parse_index_operands(parser)
    init_operands: list[Any] = []
    if parser.parse_optional_keyword("init") is not None:
        init_operands = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                          parser.parse_unresolved_operand)
    result_types = parse_optional_arrow_types(parser)
    if len(result_types) != len(init_operands):
        parser.raise_error(f"expected as many init values ({len(init_operands)}) as result "
                           f"types ({len(result_types)})")
    inits = [parser.resolve_operand(operand, type_)
             for operand, type_ in zip(init_operands, result_types, strict=True)]
    body = parser.parse_region(ivs)
    attributes = parser.parse_optional_attr_dict()
    ensure_terminator(body, scf.ReduceOp)
    op = cls(lower, upper, steps, body, inits)
    op.attributes |= attributes
    return op


def _print_scf_parallel(self: scf.ParallelOp, printer: Printer) -> None:
    printer.print_string(" (")
    printer.print_list(self.body.block.args,
                       lambda a: printer.print_block_argument(a, print_type=False))
    printer.print_string(") = (")
    printer.print_list(self.lowerBound, printer.print_operand)
    printer.print_string(") to (")
    printer.print_list(self.upperBound, printer.print_operand)
    printer.print_string(") step (")
    printer.print_list(self.step, printer.print_operand)
    printer.print_string(")")
    if self.initVals:
        printer.print_string(" init (")
        printer.print_list(self.initVals, printer.print_operand)
        printer.print_string(")")
    print_optional_arrow_types(printer, self.result_types)
    printer.print_string(" ")
    printer.print_region(self.body, print_entry_block_args=False)
    printer.print_op_attributes(self.attributes)
