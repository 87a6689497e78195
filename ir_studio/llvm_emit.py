"""Translate a module in the llvm dialect to LLVM IR text (mlir-translate's job)."""

from __future__ import annotations

from xdsl.dialects.builtin import ModuleOp

_ALLOWED_TOP_LEVEL = ("llvm.func", "llvm.mlir.global")


class LLVMEmitError(Exception):
    """The module is not (yet) entirely in the llvm dialect, or translation failed."""


def emit_llvm_ir(module: ModuleOp) -> str:
    for op in module.body.block.ops:
        if op.name not in _ALLOWED_TOP_LEVEL:
            raise LLVMEmitError(
                f"cannot emit LLVM IR: top-level op '{op.name}' is not in the llvm dialect; "
                "run a pipeline that lowers to llvm first"
            )
    from xdsl.backend.llvm.convert import convert_module

    try:
        text = str(convert_module(module, fallback_target_triple=None))
        return text if text.endswith("\n") else text + "\n"
    except Exception as error:
        raise LLVMEmitError(f"cannot emit LLVM IR: {type(error).__name__}: {error}") from None
