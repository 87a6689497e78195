"""`gpu.warp_execute_on_lane_0` (MLIR 22 moved it from vector to gpu; xDSL 0.74 has
neither), with MLIR's syntax and verifier (GPUDialect.cpp):

    %r = gpu.warp_execute_on_lane_0(%lane)[32] args(%x : vector<4xf32>) -> (vector<1xf32>) {
    ^bb0(%whole: vector<128xf32>):
      ...
      gpu.yield %v : vector<32xf32>
    }

The region runs on lane 0 with the values of the whole warp: each argument and result
crosses between its per-lane type outside and its warp-wide type inside, a vector
whose dimensions scale by factors multiplying to the warp size."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import gpu
from xdsl.dialects.builtin import IndexType, IntegerAttr, VectorType, i64
from xdsl.ir import Attribute, Block, Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    prop_def,
    region_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import RecursiveMemoryEffect
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_optional_arrow_types, parse_typed_operands


def install() -> None:
    """A patch-table row (extensions/patches.py): xDSL's gpu.yield requires its values
    to have the parent's result types, which holds for gpu.launch's regions but not here
    (the yielded values are warp-wide, the results per lane); MLIR's gpu.yield has no
    such rule, and this op's verifier checks the distribution instead."""
    original = gpu.YieldOp.verify_

    def verify_(self: gpu.YieldOp) -> None:
        if not isinstance(self.parent_op(), WarpExecuteOnLane0Op):
            original(self)

    gpu.YieldOp.verify_ = verify_  # replaces xDSL's check for this one parent


def ops() -> list[type[Operation]]:
    return [WarpExecuteOnLane0Op]


def _distributed(expanded: Attribute, distributed: Attribute, warp_size: int) -> None:
    """verifyDistributedType"""
    if expanded == distributed:
        return
    if not isinstance(expanded, VectorType) or not isinstance(distributed, VectorType):
        raise VerifyException("expected vector type for distributed operands.")
    whole, part = expanded.get_shape(), distributed.get_shape()
    if len(whole) != len(part) or expanded.element_type != distributed.element_type:
        raise VerifyException("expected distributed vectors to have same rank and element "
                              "type.")
    product = 1
    for index, (e, d) in enumerate(zip(whole, part, strict=True)):
        if e == d:
            continue
        if d == 0 or e % d != 0:
            raise VerifyException(f"expected expanded vector dimension #{index} ({e}) to be "
                                  f"a multipler of the distributed vector dimension ({d})")
        product *= e // d
    if product != warp_size:
        raise VerifyException(f"incompatible distribution dimensions from '{expanded}' to "
                              f"'{distributed}' with warp size = {warp_size}")


@irdl_op_definition
class WarpExecuteOnLane0Op(IRDLOperation):
    name = "gpu.warp_execute_on_lane_0"
    laneid = operand_def(IndexType)
    args = var_operand_def(AnyAttr())
    results_ = var_result_def(AnyAttr())
    warp_size = prop_def(IntegerAttr)
    warpRegion = region_def()
    traits = traits_def(RecursiveMemoryEffect())

    def verify_(self) -> None:
        if len(self.warpRegion.blocks) != 1:
            raise VerifyException("expects region #0 to have 0 or 1 blocks")
        block = self.warpRegion.block
        if len(self.args) != len(block.args):
            raise VerifyException("expected same number op arguments and block arguments.")
        terminator = block.last_op
        yielded = list(terminator.operands) if isinstance(terminator, gpu.YieldOp) else []
        if not isinstance(terminator, gpu.YieldOp):
            raise VerifyException("expects regions to end with 'gpu.yield', found "
                                  f"'{terminator.name if terminator else 'nothing'}'")
        if len(yielded) != len(self.results):
            raise VerifyException("expected same number of yield operands and return values.")
        size = self.warp_size.value.data
        for arg, value in zip(block.args, self.args, strict=True):
            _distributed(arg.type, value.type, size)
        for value, result in zip(yielded, self.results, strict=True):
            _distributed(value.type, result.type, size)

    @classmethod
    def parse(cls, parser: Parser) -> WarpExecuteOnLane0Op:
        parser.parse_punctuation("(")
        lane = parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())
        parser.parse_punctuation(")")
        parser.parse_punctuation("[")
        size = parser.parse_integer(allow_boolean=False)
        parser.parse_punctuation("]")
        args: list[Any] = []
        if parser.parse_optional_keyword("args") is not None:
            args = parse_typed_operands(parser)
        result_types = parse_optional_arrow_types(parser)
        region = parser.parse_region()
        if not region.blocks:
            region.add_block(Block())
        block = region.blocks[0]
        if len(region.blocks) == 1 and not isinstance(block.last_op, gpu.YieldOp):
            block.add_op(gpu.YieldOp([]))  # SingleBlockImplicitTerminator
        attributes = parser.parse_optional_attr_dict()
        return cls.create(operands=[lane, *args], result_types=result_types,
                          properties={"warp_size": IntegerAttr(size, i64)},
                          attributes=attributes, regions=[region])

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_operand(self.laneid)
        printer.print_string(f")[{self.warp_size.value.data}]")
        if self.args:
            printer.print_string(" args(")
            printer.print_list(self.args, printer.print_operand)
            printer.print_string(" : ")
            printer.print_list([v.type for v in self.args], printer.print_attribute)
            printer.print_string(")")
        if self.results:
            printer.print_string(" -> (")
            printer.print_list([r.type for r in self.results], printer.print_attribute)
            printer.print_string(")")
        printer.print_string(" ")
        block = self.warpRegion.blocks[0] if len(self.warpRegion.blocks) == 1 else None
        elide = (block is not None and not self.results and isinstance(block.last_op, gpu.YieldOp)
                 and not block.last_op.operands and not block.last_op.attributes)
        printer.print_region(self.warpRegion, print_entry_block_args=True,
                             print_block_terminators=not elide)
        printer.print_op_attributes(self.attributes)
