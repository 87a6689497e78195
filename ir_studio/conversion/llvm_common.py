"""Shared pieces of the conversions to the llvm dialect: the type converter and
helpers for declaring runtime functions (malloc, free, printf).

Memrefs use the bare-pointer convention: every memref here has a static shape, so a
memref becomes one `!llvm.ptr` to its first element and indices are linearised
row-major at each access. (MLIR's default descriptor struct carries sizes and strides
for dynamic shapes; nothing on the Toy path needs them.)
"""

from __future__ import annotations

from xdsl.dialects import llvm
from xdsl.dialects.builtin import IndexType, IntegerType, MemRefType, ModuleOp, i64
from xdsl.ir import Attribute, Operation

from ir_studio.conversion.type_converter import TypeConverter

PTR = llvm.LLVMPointerType()


def _index(t: Attribute) -> Attribute | None:
    return i64 if isinstance(t, IndexType) else None


def _memref(t: Attribute) -> Attribute | None:
    if isinstance(t, MemRefType) and all(d >= 0 for d in t.get_shape()):
        return PTR
    return None


def llvm_type_converter() -> TypeConverter:
    """index -> i64, statically shaped memref -> !llvm.ptr, everything else unchanged."""
    return TypeConverter([_index, _memref])


def module_of(op: Operation) -> ModuleOp:
    current: Operation | None = op
    while current is not None and not isinstance(current, ModuleOp):
        current = current.parent_op()
    assert current is not None, "op is not inside a module"
    return current


def declare_function(
    module: ModuleOp,
    name: str,
    inputs: list[Attribute],
    output: Attribute | None,
    *,
    variadic: bool = False,
) -> llvm.LLVMFunctionType:
    """Declare an external llvm.func once per module (like MLIR's lookupOrCreateFn)."""
    ftype = llvm.LLVMFunctionType(inputs, output, is_variadic=variadic)
    for op in module.body.block.ops:
        if isinstance(op, llvm.FuncOp) and op.sym_name.data == name:
            return op.function_type
    decl = llvm.FuncOp(name, ftype, linkage=llvm.LinkageAttr("external"))
    first = module.body.block.first_op
    if first is None:
        module.body.block.add_op(decl)
    else:
        module.body.block.insert_op_before(decl, first)
    return ftype


def int_constant(value: int, width: int = 64) -> llvm.ConstantOp:
    from xdsl.dialects.builtin import IntegerAttr

    return llvm.ConstantOp(IntegerAttr(value, IntegerType(width)), IntegerType(width))


def convert_dialect_to_llvm(module: ModuleOp, dialect: str, patterns: list) -> None:
    """The body of every `convert-<dialect>-to-llvm` pass: a partial conversion with the
    llvm type converter; a failure is raised as a located PassFailure."""
    from ir_studio.conversion.driver import apply_partial_conversion
    from ir_studio.conversion.target import ConversionTarget

    target = ConversionTarget().add_legal_dialect("llvm").add_illegal_dialect(dialect)
    error = apply_partial_conversion(module, target, patterns, llvm_type_converter())
    if error is not None:
        raise error.as_failure()
