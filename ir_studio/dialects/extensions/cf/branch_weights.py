"""Branch weights on conditional branches (`cf.cond_br`, `llvm.cond_br`):
`cf.cond_br %c weights([60, 40]), ^a, ^b(%x : i32)`. xDSL 0.74's ops have no weights."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import i32
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import (
    parse_successor_with_operands,
    print_successor_with_operands,
)


def install() -> None:
    """A row of the patch table (llvm.cond_br's row calls `add_branch_weights` itself)."""
    from xdsl.dialects import cf

    add_branch_weights(cf.ConditionalBranchOp)


def add_branch_weights(cls: type[Any]) -> None:
    """`%c weights([1, 99]), ^a, ^b(%x : i32)`, parsed and printed here in
    full, with the weights as the `branch_weights` property MLIR has."""
    from xdsl.dialects.builtin import DenseArrayBase
    from xdsl.irdl import base
    from xdsl.irdl.operations import OptPropertyDef

    cls.get_irdl_definition().properties.setdefault(
        "branch_weights", OptPropertyDef(base(DenseArrayBase)))

    def parse(klass: type[Any], parser: Parser) -> Any:
        from xdsl.dialects.builtin import i1

        condition = parser.parse_operand(i1)
        weights = None
        if parser.parse_optional_keyword("weights") is not None:
            parser.parse_punctuation("(")
            numbers = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                        parser.parse_integer)
            parser.parse_punctuation(")")
            weights = DenseArrayBase.from_list(i32, numbers)
        parser.parse_punctuation(",")
        then_block, then_args = parse_successor_with_operands(parser)
        parser.parse_punctuation(",")
        else_block, else_args = parse_successor_with_operands(parser)
        attributes = parser.parse_optional_attr_dict()
        op = klass.build(operands=[condition, then_args, else_args],
                         successors=[then_block, else_block], attributes=attributes,
                         properties={"branch_weights": weights} if weights else {})
        return op

    def print_op(self: Any, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.cond)
        weights = self.properties.get("branch_weights")
        if weights is not None:
            printer.print_string(f" weights({list(weights.get_values())})")
        printer.print_string(", ")
        print_successor_with_operands(printer, self.then_block, self.then_arguments)
        printer.print_string(", ")
        print_successor_with_operands(printer, self.else_block, self.else_arguments)
        printer.print_op_attributes(self.attributes)

    cls.parse = classmethod(parse)
    cls.print = print_op
