"""`scf.forall` (what tiling emits), its `scf.forall.in_parallel` terminator and
`tensor.parallel_insert_slice`, which xDSL 0.74 lacks; plus `tensor.rank` and
`tensor.bitcast`. Syntax and checks as MLIR's:

    %r = scf.forall (%i, %j) in (8, %n) shared_outs(%o = %init) -> (tensor<8xf32>) {
      scf.forall.in_parallel { tensor.parallel_insert_slice ... }
    }
"""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseArrayBase,
    IndexType,
    TensorType,
    i64,
)
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    irdl_op_definition,
    opt_prop_def,
    prop_def,
    region_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator, NoTerminator, RecursiveMemoryEffect
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    parse_mixed_indices,
    parse_optional_arrow_types,
    print_mixed_indices,
)


def ops() -> list[type[Operation]]:
    return [ForallOp, InParallelOp]


@irdl_op_definition
class InParallelOp(IRDLOperation):
    name = "scf.forall.in_parallel"
    region = region_def("single_block")
    traits = traits_def(IsTerminator(), NoTerminator(), RecursiveMemoryEffect())

    @classmethod
    def parse(cls, parser: Parser) -> InParallelOp:
        region = parser.parse_region()
        if not region.blocks:
            region.add_block(Block())
        return cls.create(regions=[region], attributes=parser.parse_optional_attr_dict())

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_region(self.region)
        printer.print_op_attributes(self.attributes)


@irdl_op_definition
class ForallOp(IRDLOperation):
    name = "scf.forall"
    dynamicLowerBound = var_operand_def(IndexType)
    dynamicUpperBound = var_operand_def(IndexType)
    dynamicStep = var_operand_def(IndexType)
    outputs = var_operand_def(TensorType)
    staticLowerBound = prop_def(DenseArrayBase.constr(i64))
    staticUpperBound = prop_def(DenseArrayBase.constr(i64))
    staticStep = prop_def(DenseArrayBase.constr(i64))
    mapping = opt_prop_def(ArrayAttr)
    res = var_result_def()
    region = region_def("single_block")
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(RecursiveMemoryEffect())

    def verify_(self) -> None:
        loops = len(self.staticUpperBound.get_values())
        block = self.region.block
        if len(block.args) != loops + len(self.outputs):
            raise VerifyException("region expects " f"{loops + len(self.outputs)} arguments")
        if [r.type for r in self.results] != [v.type for v in self.outputs]:
            raise VerifyException("expects one result per shared output, of its type")
        for arg, out in zip(block.args[loops:], self.outputs, strict=True):
            if arg.type != out.type:
                raise VerifyException("type mismatch between a shared output and its "
                                      "block argument")
        last = block.last_op
        if not isinstance(last, InParallelOp):
            found = f", found '{last.name}'" if last is not None else ""
            raise VerifyException("expects regions to end with 'scf.forall.in_parallel'"
                                  + found)

    @classmethod
    def parse(cls, parser: Parser) -> ForallOp:
        ivs = parser.parse_comma_separated_list(
            Parser.Delimiter.PAREN,
            lambda: parser.parse_argument(expect_type=False).resolve(IndexType()))
        if parser.parse_optional_keyword("in") is not None:
            lower_values: list[Any] = []
            lower = [0] * len(ivs)
            upper_values, upper = parse_mixed_indices(parser)
            step_values: list[Any] = []
            step = [1] * len(ivs)
        else:
            parser.parse_punctuation("=")
            lower_values, lower = parse_mixed_indices(parser)
            parser.parse_keyword("to")
            upper_values, upper = parse_mixed_indices(parser)
            parser.parse_keyword("step")
            step_values, step = parse_mixed_indices(parser)
        shared: list[tuple[Any, Any]] = []
        if parser.parse_optional_keyword("shared_outs") is not None:
            def assignment() -> tuple[Any, Any]:
                argument = parser.parse_argument(expect_type=False)
                parser.parse_punctuation("=")
                return argument, parser.parse_unresolved_operand()

            shared = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, assignment)
        result_types = parse_optional_arrow_types(parser)
        if len(result_types) != len(shared):
            parser.raise_error(f"expected {len(shared)} result types, got {len(result_types)}")
        outputs = [parser.resolve_operand(value, t)
                   for (_, value), t in zip(shared, result_types, strict=True)]
        arguments = [*ivs, *(argument.resolve(t)
                             for (argument, _), t in zip(shared, result_types, strict=True))]
        region = parser.parse_region(arguments)
        attributes = dict(parser.parse_optional_attr_dict())
        block = region.blocks[-1] if region.blocks else None
        if block is None:
            block = Block()
            region.add_block(block)
        if block.last_op is None or not block.last_op.has_trait(IsTerminator):
            block.add_op(InParallelOp.create(regions=[Region(Block())]))
        properties: dict[str, Any] = {
            "staticLowerBound": DenseArrayBase.from_list(i64, lower),
            "staticUpperBound": DenseArrayBase.from_list(i64, upper),
            "staticStep": DenseArrayBase.from_list(i64, step)}
        if "mapping" in attributes:
            properties["mapping"] = attributes.pop("mapping")
        IndexType()
        return cls.build(
            operands=[lower_values, upper_values, step_values, outputs],
            result_types=[result_types], properties=properties, attributes=attributes,
            regions=[region])

    def print(self, printer: Printer) -> None:
        loops = len(self.staticUpperBound.get_values())
        args = self.region.block.args
        printer.print_string(" (")
        printer.print_list(args[:loops], lambda a: printer.print_block_argument(a, False))
        printer.print_string(")")
        lower = list(self.staticLowerBound.get_values())
        step = list(self.staticStep.get_values())
        if lower == [0] * loops and step == [1] * loops:
            printer.print_string(" in ")
            print_mixed_indices(printer, self.dynamicUpperBound,
                                self.staticUpperBound.get_values())
        else:
            printer.print_string(" = ")
            print_mixed_indices(printer, self.dynamicLowerBound, lower)
            printer.print_string(" to ")
            print_mixed_indices(printer, self.dynamicUpperBound,
                                self.staticUpperBound.get_values())
            printer.print_string(" step ")
            print_mixed_indices(printer, self.dynamicStep, step)
        if self.outputs:
            printer.print_string(" shared_outs(")

            def pair(item: tuple[Any, SSAValue]) -> None:
                printer.print_block_argument(item[0], False)
                printer.print_string(" = ")
                printer.print_operand(item[1])

            printer.print_list(list(zip(args[loops:], self.outputs, strict=True)), pair)
            printer.print_string(") -> (")
            printer.print_list(self.result_types, printer.print_attribute)
            printer.print_string(")")
        printer.print_string(" ")
        terminator = self.region.block.last_op
        elide = (isinstance(terminator, InParallelOp) and not self.outputs
                 and not terminator.region.block.ops)
        printer.print_region(self.region, print_entry_block_args=False,
                             print_block_terminators=not elide)
        extra = dict(self.attributes)
        if self.mapping is not None:
            extra = {"mapping": self.mapping, **extra}
        printer.print_op_attributes(extra)






