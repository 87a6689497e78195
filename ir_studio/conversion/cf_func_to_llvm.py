"""cf and func -> llvm conversion patterns, and the `convert-cf-to-llvm` and
`convert-func-to-llvm` passes.

Functions keep their symbol names; `main` and any other public function get external
linkage (so a JIT can find them), private ones internal linkage. Block arguments take
their converted types, so branches carry i64 where they carried index.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import cf, func, llvm
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass

from ir_studio.conversion.driver import ConversionPattern
from ir_studio.conversion.llvm_common import convert_dialect_to_llvm
from ir_studio.conversion.rewriter import ConversionRewriter
from ir_studio.pass_failure import PassFailure


class FuncLowering(ConversionPattern):
    root = func.FuncOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, func.FuncOp)
        inputs = [rewriter.convert_type(t) for t in op.function_type.inputs.data]
        outputs = [rewriter.convert_type(t) for t in op.function_type.outputs.data]
        if any(t is None for t in inputs + outputs):
            return False
        if len(outputs) > 1:
            raise PassFailure(
                f"function '{op.sym_name.data}' returns {len(outputs)} values; "
                "the llvm lowering supports at most one",
                op,
            )
        if not rewriter.convert_region_types(op.body):
            return False
        private = op.sym_visibility is not None and op.sym_visibility.data == "private"
        linkage = llvm.LinkageAttr("internal" if private and op.body.blocks else "external")
        ftype = llvm.LLVMFunctionType(inputs, outputs[0] if outputs else None)  # pyright: ignore[reportArgumentType]  # checked above: every type converted
        new = llvm.FuncOp(
            op.sym_name.data, ftype, linkage=linkage, body=rewriter.move_region(op.body)
        )
        rewriter.insert(new)
        rewriter.erase_op(op)
        return True


class ReturnLowering(ConversionPattern):
    root = func.ReturnOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        rewriter.insert(llvm.ReturnOp(operands[0] if operands else None))
        rewriter.erase_op(op)
        return True


class CallLowering(ConversionPattern):
    root = func.CallOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, func.CallOp)
        results = [rewriter.convert_type(r.type) for r in op.results]
        if len(results) > 1 or any(r is None for r in results):
            return False
        new = llvm.CallOp(
            op.callee.string_value(), *operands, return_type=results[0] if results else None
        )
        rewriter.insert(new)
        rewriter.replace_op(op, new.results)
        return True


class BranchLowering(ConversionPattern):
    root = cf.BranchOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, cf.BranchOp)
        rewriter.insert(llvm.BrOp(op.successor, *operands))
        rewriter.erase_op(op)
        return True


class CondBranchLowering(ConversionPattern):
    root = cf.ConditionalBranchOp

    def match_and_rewrite(
        self, op: Operation, operands: list[SSAValue], rewriter: ConversionRewriter
    ) -> bool:
        assert isinstance(op, cf.ConditionalBranchOp)
        n_then = len(op.then_arguments)
        cond, rest = operands[0], operands[1:]
        rewriter.insert(
            llvm.CondBrOp(cond, op.then_block, rest[:n_then], op.else_block, rest[n_then:])
        )
        rewriter.erase_op(op)
        return True


def cf_patterns() -> list[ConversionPattern]:
    return [BranchLowering(), CondBranchLowering()]


def func_patterns() -> list[ConversionPattern]:
    return [FuncLowering(), ReturnLowering(), CallLowering()]


@dataclass(frozen=True)
class ConvertCfToLLVM(ModulePass):
    """cf.br / cf.cond_br become llvm.br / llvm.cond_br."""

    name = "convert-cf-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        convert_dialect_to_llvm(op, "cf", cf_patterns())


@dataclass(frozen=True)
class ConvertFuncToLLVM(ModulePass):
    """func.func / return / call become llvm.func / return / call, with converted types."""

    name = "convert-func-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        convert_dialect_to_llvm(op, "func", func_patterns())
