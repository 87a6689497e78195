"""MLIR's arith verifiers that xDSL 0.74 lacks (ArithOps.cpp), found by
benchmarks/mlir_oracle.py: scalable-vector constants and the tensor encoding part of
cast compatibility. Merged into EXTRA_VERIFIERS by op name."""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import (
    DenseIntOrFPElementsAttr,
    IndexType,
    MemRefType,
    TensorType,
    VectorType,
)
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


def _element(type_: object) -> object:
    if isinstance(type_, VectorType | TensorType | MemRefType):
        return type_.get_element_type()
    return type_


def _cast_encodings(op: Operation) -> None:
    """areCastCompatible: tensors whose encodings differ are not cast compatible; a fixed
    and a scalable vector of one size do not have the same shape (verifyCompatibleShapes);
    `arith.bitcast` takes no `index` (its operand constraint is
    SignlessIntegerOrFloatLike, not index); ranked tensors keep their dimensions
    (SameInputOutputTensorDims)."""
    if not op.operands or not op.results:
        return
    source, result = op.operands[0].type, op.results[0].type
    if op.name == "arith.bitcast":
        for role, type_ in (("operand", source), ("result", result)):
            if isinstance(_element(type_), IndexType):
                raise VerifyException(
                    f"{role} #0 must be signless-integer-or-float-like or memref of "
                    f"signless-integer or float, but got '{type_}'")
    if isinstance(source, TensorType) and isinstance(result, TensorType) \
            and source.get_shape() != result.get_shape():
        raise VerifyException("failed to verify that input and output have the same tensor "
                              "dimensions")
    if isinstance(source, VectorType) and isinstance(result, VectorType) \
            and source.get_shape() == result.get_shape() \
            and source.get_scalable_dims() != result.get_scalable_dims():
        raise VerifyException("requires the same shape for all operands and results")
    if isinstance(source, TensorType) and isinstance(result, TensorType) \
            and source.encoding != result.encoding:
        raise VerifyException(f"operand type '{source}' and result type '{result}' are cast "
                              f"incompatible")


ARITH_CHECKS: dict[str, Callable[[Operation], None]] = {
    "arith.constant": _constant,
    **{f"arith.{name}": _cast_encodings for name in CASTS},
}
