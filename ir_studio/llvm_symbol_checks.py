"""The llvm dialect's symbol checks that look at another top-level op (MLIR's
verifySymbolUses of global_ctors/dtors, blockaddress and ifunc, and the lookup of a
`comdat(@c::@sel)`), run by ir_studio.symbols with its per-scope table: top-level ops
are verified one by one, so an op's own verifier cannot see the symbol it names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xdsl.dialects.builtin import SymbolRefAttr
from xdsl.ir import Operation

from ir_studio.diagnostics import Diagnostic

LLVM_SYMBOL_USERS = frozenset({"llvm.mlir.global_ctors", "llvm.mlir.global_dtors",
                               "llvm.blockaddress", "llvm.mlir.ifunc",
                               "llvm.dso_local_equivalent", "llvm.mlir.addressof"})
CALLABLE_GLOBALS = {"llvm.mlir.ifunc": "i_func_type"}
"""What llvm.call may name besides an llvm.func, and the property holding the type the
call is checked against."""


def _comdat(op: Operation) -> Any:
    return op.properties.get("comdat") or op.attributes.get("comdat")


def _is_definition(op: Operation) -> bool:
    return bool(op.regions and op.regions[0].blocks)


def _space(pointer: Any) -> int:
    space = getattr(pointer, "addr_space", None)
    return getattr(space, "data", 0) if space is not None else 0


def _address_problem(op: Operation, found: Operation | None) -> str | None:
    """AddressOfOp::verifySymbolUses: a global, alias, function or ifunc, in the
    result's address space when it is a global or an alias."""
    if found is None or found.name not in ("llvm.mlir.global", "llvm.mlir.alias",
                                           "llvm.func", "llvm.mlir.ifunc"):
        return ("'llvm.mlir.addressof' op must reference a global defined by "
                "'llvm.mlir.global', 'llvm.mlir.alias' or 'llvm.func' or 'llvm.mlir.ifunc'")
    if found.name == "llvm.mlir.global":
        space = found.properties.get("addr_space")
        expected = getattr(getattr(space, "value", None), "data", 0)
    elif found.name == "llvm.mlir.alias":
        returned = [n for n in found.walk() if n.name == "llvm.return" and n.operands]
        expected = _space(returned[0].operands[0].type) if returned else 0
    else:
        return None
    if op.results and _space(op.results[0].type) != expected:
        return ("'llvm.mlir.addressof' op pointer address space must match address space "
                "of the referenced global or alias")
    return None


def _aliases_function(alias: Operation, table: Mapping[str, Any]) -> bool:
    """The alias's initializer returns the address of an llvm.func."""
    for nested in alias.walk():
        if nested.name == "llvm.return" and nested.operands:
            source = nested.operands[0].owner
            name = source.properties.get("global_name") if isinstance(source, Operation) \
                else None
            target = table.get(name.root_reference.data) \
                if isinstance(name, SymbolRefAttr) else None
            return target is not None and target.op.name == "llvm.func"
    return False


def _has_tag(function: Operation, tag: int) -> bool:
    for nested in function.walk():
        if nested.name == "llvm.blocktag":
            found = nested.properties.get("tag")
            if getattr(getattr(found, "id", None), "data", None) == tag:
                return True
    return False


def llvm_symbol_problems(use: Any, table: Mapping[str, Any],
                         unknown: set[str]) -> list[Diagnostic] | None:
    """Diagnostics for `use` (an ir_studio.symbols.SymbolUse) when it is one of the
    llvm references above; None when it is not, so the caller's own checks apply."""
    op: Operation = use.op
    comdat = _comdat(op) if op.name in ("llvm.func", "llvm.mlir.global") else None
    if isinstance(comdat, SymbolRefAttr) and use.name == comdat.root_reference.data:
        return _comdat_problem(use, comdat, table, unknown)
    if op.name not in LLVM_SYMBOL_USERS:
        return None
    if use.name in unknown:
        return []
    target = table.get(use.name)
    found: Operation | None = target.op if target is not None else None
    message: str | None = None
    if op.name in ("llvm.mlir.global_ctors", "llvm.mlir.global_dtors"):
        if found is None or found.name != "llvm.func":
            message = f"'{op.name}' op '{use.name}' does not reference a valid LLVM function"
        elif not _is_definition(found):
            message = f"'{op.name}' op '{use.name}' does not have a definition"
    elif op.name == "llvm.blockaddress":
        address = op.properties.get("block_addr")
        tag = getattr(getattr(getattr(address, "tag", None), "id", None), "data", None)
        if found is None or found.name != "llvm.func" or tag is None \
                or not _has_tag(found, tag):
            message = ("'llvm.blockaddress' op expects an existing block label target in the "
                       "referenced function")
    elif op.name == "llvm.mlir.addressof":
        message = _address_problem(op, found)
    elif op.name == "llvm.dso_local_equivalent":
        linkage = found.properties.get("linkage") if found is not None else None
        if found is None or found.name not in ("llvm.func", "llvm.mlir.alias"):
            message = ("'llvm.dso_local_equivalent' op must reference a global defined by "
                       "'llvm.func' or 'llvm.mlir.alias'")
        elif found.name == "llvm.mlir.alias" and not _aliases_function(found, table):
            message = "'llvm.dso_local_equivalent' op must reference an alias to a function"
        elif getattr(getattr(linkage, "linkage", None), "data", None) == "extern_weak":
            message = ("'llvm.dso_local_equivalent' op target function with 'extern_weak' "
                       "linkage not allowed")
    elif found is not None and found.name not in ("llvm.func", "llvm.mlir.alias"):
        message = "'llvm.mlir.ifunc' op must have a function resolver"
    elif found is not None and found.name == "llvm.func" and not _is_definition(found):
        message = "'llvm.mlir.ifunc' op resolver must be a definition"
    return [] if message is None else [Diagnostic(use.span, message, category="symbol")]


def _comdat_problem(use: Any, comdat: SymbolRefAttr, table: Mapping[str, Any],
                    unknown: set[str]) -> list[Diagnostic]:
    if use.name in unknown:
        return []
    target = table.get(use.name)
    nested = [ref.data for ref in comdat.nested_references.data]
    ok = target is not None and target.op.name == "llvm.comdat" and len(nested) == 1 and any(
        selector.name == "llvm.comdat_selector"
        and getattr(selector.properties.get("sym_name"), "data", None) == nested[0]
        for block in target.op.regions[0].blocks for selector in block.ops)
    return [] if ok else [Diagnostic(use.span, "expected comdat symbol", category="symbol")]
