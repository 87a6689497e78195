"""`tensor.generate`, which xDSL 0.74 lacks, with MLIR's syntax and verifier rules."""

from __future__ import annotations

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    IndexType,
    TensorType,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.traits import RecursiveMemoryEffect
from xdsl.utils.exceptions import VerifyException


def ops() -> list[type[Operation]]:
    return [GenerateOp]


@irdl_op_definition
class GenerateOp(IRDLOperation):
    name = "tensor.generate"
    dynamicExtents = var_operand_def(IndexType)
    result = result_def(TensorType)
    body = region_def("single_block")
    traits = traits_def(RecursiveMemoryEffect())
    assembly_format = "$dynamicExtents $body attr-dict `:` type($result)"

    def verify_(self) -> None:
        tensor = self.result.type
        assert isinstance(tensor, TensorType)
        shape = tensor.get_shape()
        dynamic = sum(1 for size in shape if size == DYNAMIC_INDEX)
        if dynamic != len(self.dynamicExtents):
            raise VerifyException("must have as many index operands as dynamic extents in "
                                  "the result type")
        block = self.body.block
        if len(block.args) != len(shape) or any(
                not isinstance(arg.type, IndexType) for arg in block.args):
            raise VerifyException("must have one body argument per input dimension")
        last = block.last_op
        if (last is None or last.name != "tensor.yield" or len(last.operands) != 1
                or last.operands[0].type != tensor.element_type):
            raise VerifyException("body must be terminated with a `yield` operation of the "
                                  "tensor element type")
