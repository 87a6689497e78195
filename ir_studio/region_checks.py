"""MLIR's region verifiers for ops whose bodies xDSL 0.74 does not check, found by
benchmarks/mlir_oracle.py: `tensor.pad` (TensorOps.cpp PadOp::verifyRegions),
`gpu.all_reduce` (GPUDialect.cpp AllReduceOp::verifyRegions) and `gpu.return`
(ReturnOp::verify); and `llvm.call`'s callee and result rules. Merged into
EXTRA_VERIFIERS by op name."""

from __future__ import annotations

import re
from collections.abc import Callable

from xdsl.dialects.builtin import (
    FunctionType,
    IndexType,
    IntegerAttr,
    MemRefType,
    NoneType,
    ShapedType,
    TensorType,
    UnrankedMemRefType,
    UnrankedTensorType,
)
from xdsl.ir import Operation
from xdsl.utils.exceptions import VerifyException


def _pad(op: Operation) -> None:
    result = op.results[0].type
    block = op.regions[0].blocks.first if op.regions else None
    if not isinstance(result, ShapedType) or block is None:
        return
    rank = result.get_num_dims()
    if len(block.args) != rank:
        raise VerifyException(f"expected the block to have {rank} arguments")
    for number, argument in enumerate(block.args, 1):
        if not isinstance(argument.type, IndexType):
            raise VerifyException(f"expected block argument {number} to be an index")
    terminator = block.last_op
    element = getattr(result, "element_type", None)
    if terminator is not None and terminator.operands and element is not None \
            and terminator.operands[0].type != element:
        raise VerifyException("expected yield type to match shape element type")


def _all_reduce(op: Operation) -> None:
    body = op.regions[0] if op.regions else None
    if body is None or not body.blocks:
        return
    entry = body.blocks.first
    assert entry is not None
    if len(entry.args) != 2:
        raise VerifyException("expected two region arguments")
    value_type = op.results[0].type
    if any(argument.type != value_type for argument in entry.args):
        raise VerifyException("incorrect region argument type")
    yields = 0
    for block in body.blocks:
        terminator = block.last_op
        if terminator is not None and terminator.name == "gpu.yield":
            if len(terminator.operands) != 1:
                raise VerifyException("expected one gpu.yield operand")
            if terminator.operands[0].type != value_type:
                raise VerifyException("incorrect gpu.yield type")
            yields += 1
    if yields == 0:
        raise VerifyException("expected gpu.yield op in region")


def _gpu_return(op: Operation) -> None:
    function = op.parent_op()
    while function is not None and function.name != "gpu.func":
        function = function.parent_op()
    signature = function.properties.get("function_type") if function is not None else None
    if not isinstance(signature, FunctionType):
        return
    results = signature.outputs.data
    if len(results) != len(op.operands):
        raise VerifyException(f"expected {len(results)} result operands")
    for index, (expected, operand) in enumerate(zip(results, op.operands, strict=True)):
        if operand.type != expected:
            raise VerifyException(f"unexpected type `{operand.type}' for operand #{index}")


def _gpu_func(op: Operation) -> None:
    """GPUFuncOp::verifyBody: attributions are memrefs in the workgroup (first
    `workgroup_attributions` of them) or private address space."""
    signature = op.properties.get("function_type")
    entry = op.regions[0].blocks.first if op.regions else None
    if not isinstance(signature, FunctionType) or entry is None:
        return
    count = op.attributes.get("workgroup_attributions")
    workgroup = count.value.data if isinstance(count, IntegerAttr) else 0
    attributions = entry.args[len(signature.inputs.data):]
    for index, value in enumerate(attributions):
        space = "workgroup" if index < workgroup else "private"
        if not isinstance(value.type, MemRefType):
            raise VerifyException("expected memref type in attribution")
        written = _ADDRESS_SPACE.fullmatch(str(value.type.memory_space))
        if written is not None and written.group(1) != space:
            raise VerifyException(f"expected memory space {space} in attribution")


_ADDRESS_SPACE = re.compile(r"#gpu\.address_space<\s*(\w+)\s*>")


_NOT_LLVM = (TensorType, UnrankedTensorType, MemRefType, UnrankedMemRefType, FunctionType,
             NoneType)


def _llvm_call(op: Operation) -> None:
    """CallOp::verify (LLVMDialect.cpp): an indirect callee is a pointer; results are
    LLVM-compatible and never void (ODS's result constraint)."""
    if op.properties.get("callee") is None and op.operands:
        callee = op.operands[0].type
        if callee.name != "llvm.ptr":
            raise VerifyException(f"indirect call expects a pointer as callee: '{callee}'")
    for index, result in enumerate(op.results):
        if result.type.name == "llvm.void":
            raise VerifyException("expected a non-void result type")
        if isinstance(result.type, _NOT_LLVM):
            raise VerifyException(f"result #{index} must be LLVM dialect-compatible type, "
                                  f"but got '{result.type}'")


REGION_CHECKS: dict[str, Callable[[Operation], None]] = {
    "llvm.call": _llvm_call,
    "tensor.pad": _pad,
    "gpu.all_reduce": _all_reduce,
    "gpu.return": _gpu_return,
    "gpu.func": _gpu_func,
}
