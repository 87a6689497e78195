"""MLIR's arith verifiers that xDSL 0.74 lacks (ArithOps.cpp), found by
benchmarks/mlir_oracle.py: scalable-vector constants and the tensor encoding part of
cast compatibility. Merged into EXTRA_VERIFIERS by op name."""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import DenseIntOrFPElementsAttr, TensorType, VectorType
from xdsl.ir import Operation
from xdsl.utils.exceptions import VerifyException

CASTS = ("extf", "truncf", "extsi", "extui", "trunci", "sitofp", "uitofp", "fptosi",
         "fptoui", "index_cast", "index_castui", "bitcast")


def _constant(op: Operation) -> None:
    """ConstantOp::verify: a scalable vector can only be initialized by a splat."""
    value = op.properties.get("value")
    result = op.results[0].type if op.results else None
    if isinstance(result, VectorType) and result.get_num_scalable_dims() \
            and isinstance(value, DenseIntOrFPElementsAttr) and not value.is_splat():
        raise VerifyException("intializing scalable vectors with elements attribute is not "
                              "supported unless it's a vector splat")


def _cast_encodings(op: Operation) -> None:
    """areCastCompatible: tensors whose encodings differ are not cast compatible."""
    if not op.operands or not op.results:
        return
    source, result = op.operands[0].type, op.results[0].type
    if isinstance(source, TensorType) and isinstance(result, TensorType) \
            and source.encoding != result.encoding:
        raise VerifyException(f"operand type '{source}' and result type '{result}' are cast "
                              f"incompatible")


ARITH_CHECKS: dict[str, Callable[[Operation], None]] = {
    "arith.constant": _constant,
    **{f"arith.{name}": _cast_encodings for name in CASTS},
}
