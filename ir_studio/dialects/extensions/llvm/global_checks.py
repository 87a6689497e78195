"""GlobalOp::verify and verifyRegions rules xDSL 0.74 lacks, and the Symbol trait's
placement rule for the llvm dialect's symbols (a global, function, alias, ifunc or
comdat directly inside an op that is not a symbol table, such as a function body)."""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import IntegerType, StringAttr
from xdsl.ir import Operation
from xdsl.traits import SymbolTable
from xdsl.utils.exceptions import VerifyException


def _placed_in_symbol_table(op: Operation) -> None:
    parent = op.parent_op()
    if parent is not None and not parent.has_trait(SymbolTable):
        raise VerifyException("symbol's parent must have the SymbolTable trait")


def _global(op: Operation) -> None:
    _placed_in_symbol_table(op)
    value = op.properties.get("value")
    global_type = op.properties.get("global_type")
    if isinstance(value, StringAttr) and global_type is not None:
        size = getattr(getattr(global_type, "size", None), "data", None)
        element = getattr(global_type, "type", None)
        if global_type.name != "llvm.array" or size != len(value.data.encode()) \
                or element != IntegerType(8):
            raise VerifyException("requires an i8 array type of the length equal to that of "
                                  "the string attribute")
    body = op.regions[0] if op.regions else None
    if body is None or not body.blocks:
        return
    if value is not None:
        raise VerifyException("cannot have both initializer value and region")
    last = body.blocks.first.last_op if body.blocks.first is not None else None
    if last is not None and last.name == "llvm.return" and last.operands:
        returned = last.operands[0].type
        if returned != global_type:
            raise VerifyException(f"initializer region type '{returned}' does not match "
                                  f"global type '{global_type}'")


LLVM_GLOBAL_CHECKS: dict[str, Callable[[Operation], None]] = {
    "llvm.mlir.global": _global,
    **{name: _placed_in_symbol_table for name in (
        "llvm.func", "llvm.mlir.alias", "llvm.mlir.ifunc", "llvm.comdat")},
}
