"""`bufferization.to_tensor` / `to_buffer` on memrefs with a layout (what one-shot
bufferization emits at function boundaries): xDSL 0.74 derives the memref type from the
tensor's and so rejects any layout; MLIR only asks for the same shape and element
type."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import bufferization
from xdsl.dialects.builtin import MemRefType, TensorType, UnrankedMemRefType
from xdsl.irdl import AnyAttr, VarConstraint, base
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.upstream_syntax.formats import add_verifier, replace_constraints


def install() -> None:
    """Idempotent."""
    memref = VarConstraint("T", MemRefType.constr() | base(UnrankedMemRefType))
    replace_constraints(bufferization.ToTensorOp, {"memref": memref, "tensor": AnyAttr()})
    replace_constraints(bufferization.ToBufferOp, {"memref": memref, "tensor": AnyAttr()})
    add_verifier(bufferization.ToTensorOp, _check)
    add_verifier(bufferization.ToBufferOp, _check)


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
