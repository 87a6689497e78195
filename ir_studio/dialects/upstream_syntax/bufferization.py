"""`bufferization.to_tensor` / `to_buffer` and `materialize_in_destination` on memrefs
with a layout or memory space (what one-shot bufferization emits at function
boundaries): xDSL 0.74 derives the memref type from the tensor's and so rejects any
layout; MLIR only asks for the same shape and element type. Also
`bufferization.dealloc_tensor`, which xDSL lacks."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import bufferization
from xdsl.dialects.builtin import DYNAMIC_INDEX, MemRefType, TensorType, UnrankedMemRefType
from xdsl.ir import Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    VarConstraint,
    base,
    irdl_op_definition,
    operand_def,
)
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.upstream_syntax.formats import add_verifier, replace_constraints


def install() -> None:
    """Idempotent."""
    memref = VarConstraint("T", MemRefType.constr() | base(UnrankedMemRefType))
    replace_constraints(bufferization.ToTensorOp, {"memref": memref, "tensor": AnyAttr()})
    replace_constraints(bufferization.ToBufferOp, {"memref": memref, "tensor": AnyAttr()})
    add_verifier(bufferization.ToTensorOp, _check)
    add_verifier(bufferization.ToBufferOp, _check)
    replace_constraints(bufferization.MaterializeInDestinationOp,
                        {"source": base(TensorType), "dest": AnyAttr(), "result": AnyAttr()})
    bufferization.MaterializeInDestinationOp.verify_ = (  # pyright: ignore[reportAttributeAccessIssue]  # patches xDSL's class: the upstream-syntax layer installs MLIR's syntax and rules
        _verify_materialize)


def extra_ops(dialect: str) -> list[type[Operation]]:
    return [DeallocTensorOp] if dialect == "bufferization" else []


@irdl_op_definition
class DeallocTensorOp(IRDLOperation):
    """`bufferization.dealloc_tensor %t : tensor<4xi32>`: frees a tensor's buffer."""

    name = "bufferization.dealloc_tensor"
    tensor = operand_def(TensorType)
    assembly_format = "$tensor attr-dict `:` type($tensor)"


def _verify_materialize(op: Any) -> None:
    source, dest = op.source.type, op.dest.type
    if not isinstance(dest, TensorType | MemRefType | UnrankedMemRefType):
        raise VerifyException("'dest' must be a tensor or a memref")
    if isinstance(dest, TensorType):
        if len(op.results) != 1 or op.results[0].type != dest:
            raise VerifyException("result type must match 'dest' type when 'dest' is a "
                                  "tensor")
        if op.writable is not None:
            raise VerifyException("'writable' must be specified if and only if the "
                                  "destination is of memref type")
    else:
        if op.results:
            raise VerifyException("'dest' is a memref: the op has no result")
        if op.writable is None:
            raise VerifyException("'writable' must be specified if and only if the "
                                  "destination is of memref type")
    if isinstance(dest, TensorType | MemRefType) and (
            not _compatible(source.get_shape(), dest.get_shape())
            or source.element_type != dest.element_type):
        raise VerifyException("source/destination shapes are incompatible")


def _compatible(a: Any, b: Any) -> bool:
    """Same rank, and each size equal or dynamic on one side."""
    return len(a) == len(b) and all(x == y or DYNAMIC_INDEX in (x, y)
                                    for x, y in zip(a, b, strict=True))


def _check(op: Any) -> None:
    memref, tensor = op.memref.type, op.tensor.type
    if isinstance(memref, MemRefType):
        same = (isinstance(tensor, TensorType) and tensor.element_type == memref.element_type
                and tuple(tensor.get_shape()) == tuple(memref.get_shape()))
    else:
        same = (not isinstance(tensor, TensorType)
                and getattr(tensor, "element_type", None) == memref.element_type)
    if not same:
        raise VerifyException(f"type '{tensor}' is not the tensor equivalent of '{memref}'")
