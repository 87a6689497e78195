"""`vector.shape_cast`, which xDSL 0.74 lacks, with MLIR's syntax and verifier rules."""

from __future__ import annotations

import math

from xdsl.dialects.builtin import (
    VectorType,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    result_def,
    traits_def,
)
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException


def ops() -> list[type[Operation]]:
    return [ShapeCastOp]


@irdl_op_definition
class ShapeCastOp(IRDLOperation):
    name = "vector.shape_cast"
    source = operand_def(VectorType)
    result = result_def(VectorType)
    traits = traits_def(Pure())
    assembly_format = "$source attr-dict `:` type($source) `to` type($result)"

    def verify_(self) -> None:
        source, result = self.source.type, self.result.type
        assert isinstance(source, VectorType)
        assert isinstance(result, VectorType)
        if source.element_type != result.element_type:
            raise VerifyException("has different source and result element types")
        source_count = math.prod(source.get_shape())
        result_count = math.prod(result.get_shape())
        if source_count != result_count:
            raise VerifyException(f"has different number of elements at source "
                                  f"({source_count}) and result ({result_count})")
