"""memref -> llvm conversion patterns (bare pointers, row-major) and the
`finalize-memref-to-llvm` pass.

alloc/dealloc become malloc/free calls, alloca an llvm.alloca, and load/store a
linearised index, a getelementptr and an llvm load/store.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import llvm, memref
from xdsl.dialects.builtin import MemRefType, ModuleOp, i64
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass

from ir_studio.conversion.driver import ConversionPattern
from ir_studio.conversion.llvm_common import (
    PTR,
    convert_dialect_to_llvm,
    declare_function,
    int_constant,
    module_of,
)
from ir_studio.conversion.rewriter import ConversionRewriter


def _element_bytes(t: Attribute) -> int:
    width = getattr(t, "bitwidth", None)
    if not isinstance(width, int):
        raise ValueError(f"no byte size for element type {t}")
    return max(1, width // 8)


def _static(t: Attribute) -> MemRefType | None:
    if isinstance(t, MemRefType) and all(d >= 0 for d in t.get_shape()):
        return t
    return None


class AllocLowering(ConversionPattern):
    root = memref.AllocOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        mtype = _static(op.results[0].type)
        if mtype is None or operands:
            return False
        size = math.prod(mtype.get_shape()) * _element_bytes(mtype.element_type)
        ftype = declare_function(module_of(op), "malloc", [i64], PTR)
        nbytes = int_constant(size)
        call = llvm.CallOp("malloc", nbytes.result, return_type=ftype.output)
        rewriter.insert(nbytes, call)
        rewriter.replace_op(op, call.results)
        return True


class AllocaLowering(ConversionPattern):
    root = memref.AllocaOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        mtype = _static(op.results[0].type)
        if mtype is None or operands:
            return False
        count = int_constant(math.prod(mtype.get_shape()))
        alloca = llvm.AllocaOp(count.result, mtype.element_type)
        rewriter.insert(count, alloca)
        rewriter.replace_op(op, alloca.results)
        return True


class DeallocLowering(ConversionPattern):
    root = memref.DeallocOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        declare_function(module_of(op), "free", [PTR], None)
        rewriter.insert(llvm.CallOp("free", operands[0]))
        rewriter.erase_op(op)
        return True


def _address(
    mtype: MemRefType, base: SSAValue, indices: list[SSAValue], rewriter: ConversionRewriter
) -> SSAValue:
    """ptr + (row-major linear index) * element size, as a getelementptr."""
    shape = list(mtype.get_shape())
    linear: SSAValue | None = None
    for extent, index in zip(shape, indices, strict=True):
        if linear is None:
            linear = index
            continue
        scale = int_constant(extent)
        mul = llvm.MulOp(linear, scale.result)
        add = llvm.AddOp(mul.res, index)
        rewriter.insert(scale, mul, add)
        linear = add.res
    if linear is None:
        return base
    gep = llvm.GEPOp(base, [llvm.GEP_USE_SSA_VAL], mtype.element_type, ssa_indices=[linear])
    rewriter.insert(gep)
    return gep.result


class LoadLowering(ConversionPattern):
    root = memref.LoadOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, memref.LoadOp)
        mtype = _static(op.memref.type)
        if mtype is None:
            return False
        address = _address(mtype, operands[0], operands[1:], rewriter)
        load = llvm.LoadOp(address, mtype.element_type)
        rewriter.insert(load)
        rewriter.replace_op(op, load.results)
        return True


class StoreLowering(ConversionPattern):
    root = memref.StoreOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, memref.StoreOp)
        mtype = _static(op.memref.type)
        if mtype is None:
            return False
        address = _address(mtype, operands[1], operands[2:], rewriter)
        rewriter.insert(llvm.StoreOp(operands[0], address))
        rewriter.erase_op(op)
        return True


def memref_patterns() -> list[ConversionPattern]:
    return [AllocLowering(), AllocaLowering(), DeallocLowering(), LoadLowering(), StoreLowering()]


@dataclass(frozen=True)
class FinalizeMemRefToLLVM(ModulePass):
    """Statically shaped memref ops become pointer arithmetic and malloc/free calls."""

    name = "finalize-memref-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        convert_dialect_to_llvm(op, "memref", memref_patterns())
