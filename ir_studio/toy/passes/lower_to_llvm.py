"""Ch6 `lower-to-llvm`: toy.print, affine, scf, cf, arith, memref and func all become
the llvm dialect, ending in a FULL conversion (anything left over is an error at it).

`toy.print` becomes loops of `printf("%f ", x)` calls with `printf("\\n")` at the end of
every loop but the innermost, exactly as toyc-ch6 prints (so a 1-D tensor prints one
line without a newline, a 2-D tensor one line per row).

Steps, as one pass: (1) a partial conversion lowers toy.print to scf loops and printf
calls; (2) xDSL's lower-affine and convert-scf-to-cf turn loops into branches; (3) a
full conversion with the arith, cf, func and memref patterns reaches the llvm dialect.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, llvm, memref, scf
from xdsl.dialects.builtin import (
    IndexType,
    IntAttr,
    IntegerAttr,
    IntegerType,
    MemRefType,
    ModuleOp,
    StringAttr,
    i32,
)
from xdsl.ir import Block, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.transforms.convert_scf_to_cf import ConvertScfToCf
from xdsl.transforms.lower_affine import LowerAffinePass

from ir_studio.conversion.arith_to_llvm import arith_patterns
from ir_studio.conversion.cf_func_to_llvm import cf_patterns, func_patterns
from ir_studio.conversion.driver import (
    ConversionPattern,
    apply_full_conversion,
    apply_partial_conversion,
)
from ir_studio.conversion.llvm_common import PTR, declare_function, llvm_type_converter, module_of
from ir_studio.conversion.memref_to_llvm import memref_patterns
from ir_studio.conversion.rewriter import ConversionRewriter
from ir_studio.conversion.target import ConversionTarget
from ir_studio.pass_failure import PassFailure
from ir_studio.toy import dialect as toy
from ir_studio.transforms.affine_symbols import symbols_as_dims

FORMAT_SPEC = ("frmt_spec", "%f \0")
NEWLINE = ("nl", "\n\0")


def _global_string(module: ModuleOp, name: str, value: str) -> None:
    for op in module.body.block.ops:
        if isinstance(op, llvm.GlobalOp) and op.sym_name.data == name:
            return
    data = value.encode()
    glob = llvm.GlobalOp(
        llvm.LLVMArrayType(IntAttr(len(data)), IntegerType(8)),
        name,
        "internal",
        constant=True,
        value=StringAttr(value),
    )
    first = module.body.block.first_op
    assert first is not None
    module.body.block.insert_op_before(glob, first)


def _print_nest(
    input_: SSAValue,
    shape: list[int],
    ivs: list[SSAValue],
    fmt: SSAValue,
    newline: SSAValue,
    printf: llvm.LLVMFunctionType,
) -> list[Operation]:
    """One scf.for per dimension; a newline after each iteration of all but the innermost."""
    depth = len(ivs)
    if depth == len(shape):
        load = memref.LoadOp.get(input_, ivs)
        call = llvm.CallOp("printf", fmt, load.res, return_type=i32, var_callee_type=printf)
        return [load, call]
    bounds = [arith.ConstantOp(IntegerAttr(v, IndexType())) for v in (0, shape[depth], 1)]
    block = Block(arg_types=[IndexType()])
    block.add_ops(_print_nest(input_, shape, [*ivs, block.args[0]], fmt, newline, printf))
    if depth != len(shape) - 1:
        block.add_op(llvm.CallOp("printf", newline, return_type=i32, var_callee_type=printf))
    block.add_op(scf.YieldOp())
    return [*bounds, scf.ForOp(bounds[0], bounds[1], bounds[2], [], block)]


class PrintOpLowering(ConversionPattern):
    root = toy.PrintOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, toy.PrintOp)
        mtype = op.input.type
        if not isinstance(mtype, MemRefType):
            raise PassFailure(
                "toy.print must print a memref here; run lower-toy-to-affine first", op
            )
        module = module_of(op)
        printf = declare_function(module, "printf", [PTR], i32, variadic=True)
        _global_string(module, *FORMAT_SPEC)
        _global_string(module, *NEWLINE)
        fmt = llvm.AddressOfOp(FORMAT_SPEC[0], PTR)
        newline = llvm.AddressOfOp(NEWLINE[0], PTR)
        rewriter.insert(fmt, newline)
        shape = list(mtype.get_shape())
        rewriter.insert(*_print_nest(op.input, shape, [], fmt.result, newline.result, printf))
        rewriter.erase_op(op)
        return True


def _lower_prints(module: ModuleOp) -> None:
    target = (
        ConversionTarget()
        .add_illegal_op(toy.PrintOp)
        .add_legal_dialect("llvm", "scf", "arith", "memref")
    )
    error = apply_partial_conversion(module, target, [PrintOpLowering()])
    if error is not None:
        raise error.as_failure()


def llvm_target() -> ConversionTarget:
    return ConversionTarget().add_legal_dialect("llvm").add_legal_op(ModuleOp)


def to_llvm_patterns() -> list[ConversionPattern]:
    return [*arith_patterns(), *cf_patterns(), *func_patterns(), *memref_patterns()]


@dataclass(frozen=True)
class LowerToLLVM(ModulePass):
    """Everything down to the llvm dialect (full conversion)."""

    name = "lower-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        _lower_prints(op)
        symbols_as_dims(op)
        LowerAffinePass().apply(ctx, op)
        ConvertScfToCf().apply(ctx, op)
        error = apply_full_conversion(op, llvm_target(), to_llvm_patterns(), llvm_type_converter())
        if error is not None:
            raise error.as_failure()
