"""Symbol definitions, references and `func.call` signatures, checked with one table
per symbol scope so the cost is linear in the number of symbols and uses.

xDSL's own check scans the whole module for every call (quadratic); ir-studio turns
that off during verification (`ir_studio.verify`) and runs this instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from xdsl.dialects.builtin import StringAttr, SymbolRefAttr
from xdsl.ir import Operation
from xdsl.traits import SymbolTable, SymbolUserOpInterface

from ir_studio.diagnostics import Diagnostic, Related, Subject, close_names
from ir_studio.frontends.records import OpRecord, ParseRecord
from ir_studio.llvm_symbol_checks import CALLABLE_GLOBALS, llvm_symbol_problems
from ir_studio.source import Span


@dataclass(frozen=True, slots=True)
class SymbolDef:
    name: str
    """Without the `@`."""
    span: Span
    op: Operation


@dataclass(frozen=True, slots=True)
class SymbolUse:
    name: str
    span: Span
    op: Operation
    checked: bool
    """True when the owning op is a symbol user MLIR verifies (func.call, ...)."""


def symbol_name(op: Operation) -> str | None:
    attr = op.properties.get("sym_name") or op.attributes.get("sym_name")
    return attr.data if isinstance(attr, StringAttr) else None


def unquote(token: str) -> str:
    name = token[1:]
    if name.startswith('"') and name.endswith('"') and len(name) >= 2:
        return name[1:-1]
    return name


_CHECKED_USERS = frozenset({"memref.get_global"})
"""Symbol users MLIR verifies whose xDSL class lacks SymbolUserOpInterface."""


def collect(record: ParseRecord, text: str) -> tuple[list[SymbolDef], list[SymbolUse]]:
    """Split the `@name` tokens of one parse into definitions and uses."""
    defs: list[SymbolDef] = []
    uses: list[SymbolUse] = []
    claimed: set[int] = set()
    for token in record.symbol_tokens:
        owner = token.owner
        if owner is None:
            continue
        op_record: OpRecord | None = record.ops[owner]
        if op_record is None:
            continue
        op = op_record.op
        name = unquote(token.name)
        if owner not in claimed and symbol_name(op) == name:
            claimed.add(owner)
            defs.append(SymbolDef(name, token.span, op))
            continue
        nested = text.startswith("::", token.span.end)
        checked = not nested and (op.get_trait(SymbolUserOpInterface) is not None
                                  or op.name in _CHECKED_USERS)
        uses.append(SymbolUse(name, token.span, op, checked))
    defs.extend(_generic_form_definitions(record, text, claimed))
    return defs, uses


def _generic_form_definitions(record: ParseRecord, text: str,
                              claimed: set[int]) -> list[SymbolDef]:
    """In the generic form a symbol is a string (`<{sym_name = "f"}>`), not an `@f`
    token: point at that string, or at the op's name when it cannot be found."""
    found: list[SymbolDef] = []
    for index, op_record in enumerate(record.ops):
        if op_record is None or index in claimed:
            continue
        name = symbol_name(op_record.op)
        if name is None:
            continue
        quoted = f'"{name}"'
        where = text.find(quoted, op_record.span.start, op_record.span.end)
        span = (Span(where, where + len(quoted)) if where >= 0 and text.rfind(
            "sym_name", op_record.span.start, where) >= 0 else op_record.name_span)
        found.append(SymbolDef(name, span, op_record.op))
    return found


def nearest_table(op: Operation) -> Operation | None:
    parent = op.parent_op()
    while parent is not None and not parent.has_trait(SymbolTable):
        parent = parent.parent_op()
    return parent


def _scope(op: Operation) -> int | None:
    """The symbol table of `op`, by identity; top-level items are each verified in a
    private module, and all of a chunk's items share one table (None)."""
    table = nearest_table(op)
    return None if table is None or table.parent is None else id(table)


def check_symbols(
    defs: Iterable[SymbolDef], uses: Iterable[SymbolUse], unknown: set[str] | None = None
) -> list[Diagnostic]:
    """Redefinitions, undefined references and call signatures, in one pass each.

    `unknown` names symbols defined by items that failed to parse: uses of them are not
    reported, since the real error is the parse error.
    """
    unknown = unknown or set()
    problems: list[Diagnostic] = []
    tables: dict[int | None, dict[str, SymbolDef]] = {}
    for definition in defs:
        table = tables.setdefault(_scope(definition.op), {})
        previous = table.get(definition.name)
        if previous is not None and previous.op is not definition.op:
            problems.append(
                Diagnostic(
                    definition.span,
                    f"redefinition of symbol named '{definition.name}'",
                    category="symbol",
                    related=(Related(previous.span, "see existing symbol definition here"),),
                )
            )
            continue
        table[definition.name] = definition
    launches: set[int] = set()
    for use in uses:
        if use.op.name == "gpu.launch_func":
            if id(use.op) not in launches:
                launches.add(id(use.op))
                problems.extend(_check_launch(use, tables, unknown))
            continue
        llvm_problems = llvm_symbol_problems(use, tables.get(_scope(use.op), {}), unknown)
        if llvm_problems is not None:
            problems.extend(llvm_problems)
            continue
        if not use.checked:
            continue
        table = tables.get(_scope(use.op), {})
        target = table.get(use.name)
        if target is None:
            if use.name not in unknown:
                problems.append(_undefined(use, table))
            continue
        problems.extend(_check_call(use, target))
    return problems


def _undefined(use: SymbolUse, table: dict[str, SymbolDef]) -> Diagnostic:
    if use.op.name == "func.call":
        message = f"'@{use.name}' does not reference a valid function"
    elif use.op.name == "func.constant":
        message = f"'func.constant' op reference to undefined function '{use.name}'"
    elif use.op.name == "memref.get_global":
        message = f"'memref.get_global' op '{use.name}' does not reference a valid global memref"
    else:
        message = f"undefined symbol '@{use.name}' referenced by '{use.op.name}'"
    token = Span(use.span.start, use.span.start + len(use.name) + 1)
    candidates = tuple("@" + c for c in close_names(use.name, table))
    subject = Subject("undefined-symbol", "@" + use.name, token, candidates)
    return Diagnostic(use.span, message, category="symbol", subject=subject)


def _check_call(use: SymbolUse, target: SymbolDef) -> list[Diagnostic]:
    """MLIR's func.call (and func.constant) verifier messages, with a note at the callee."""
    if use.op.name == "func.constant":
        return _check_function_reference(use, target)
    if use.op.name == "llvm.call":
        return _check_llvm_call(use, target)
    if use.op.name == "memref.get_global":
        return _check_get_global(use, target)
    if use.op.name != "func.call":
        return []
    note = (Related(target.span, f"'@{use.name}' is defined here"),)
    callee = target.op
    if callee.name != "func.func":
        return [Diagnostic(use.span, f"'@{use.name}' does not reference a valid function",
                           category="symbol", related=note)]
    function_type = callee.function_type  # pyright: ignore[reportAttributeAccessIssue]  # checked by name above: a func.func or llvm.func
    inputs, outputs = function_type.inputs.data, function_type.outputs.data
    operand_types = [v.type for v in use.op.operands]
    result_types = [r.type for r in use.op.results]
    message = None
    if len(inputs) != len(operand_types):
        message = "incorrect number of operands for callee"
    elif len(outputs) != len(result_types):
        message = "incorrect number of results for callee"
    else:
        for index, (expected, actual) in enumerate(zip(inputs, operand_types, strict=True)):
            if expected != actual:
                message = (f"operand type mismatch: expected operand type {expected}, "
                           f"but provided {actual} for operand number {index}")
                break
        else:
            for index, (expected, actual) in enumerate(zip(outputs, result_types, strict=True)):
                if expected != actual:
                    message = f"result type mismatch at index {index}"
                    break
    if message is None:
        return []
    return [Diagnostic(use.span, message, category="symbol", related=note)]


def _check_function_reference(use: SymbolUse, target: SymbolDef) -> list[Diagnostic]:
    note = (Related(target.span, f"'@{use.name}' is defined here"),)
    if target.op.name != "func.func":
        message = f"'func.constant' op reference to undefined function '{use.name}'"
    elif target.op.function_type != use.op.results[0].type:  # pyright: ignore[reportAttributeAccessIssue]  # checked by name above: a func.func or llvm.func
        message = "'func.constant' op reference to function with mismatched type"
    else:
        return []
    return [Diagnostic(use.span, message, category="symbol", related=note)]


def _check_llvm_call(use: SymbolUse, target: SymbolDef) -> list[Diagnostic]:
    """MLIR's llvm.call checks against the callee's !llvm.func type (varargs allowed)."""
    note = (Related(target.span, f"'@{use.name}' is defined here"),)
    if target.op.name not in ("llvm.func", *CALLABLE_GLOBALS):
        return [Diagnostic(use.span, f"'llvm.call' op '{use.name}' does not reference a valid "
                           "LLVM function or IFunc", category="symbol", related=note)]
    from xdsl.dialects.llvm import LLVMFunctionType  # loaded already: the call is llvm's

    function_type = target.op.properties.get(CALLABLE_GLOBALS.get(target.op.name,
                                                                  "function_type"))
    if not isinstance(function_type, LLVMFunctionType):
        return []
    inputs = list(function_type.inputs.data)
    arguments = [v.type for v in use.op.args]  # pyright: ignore[reportAttributeAccessIssue]  # checked by name above: an llvm.call
    variadic = function_type.is_variadic
    message = None
    if len(arguments) < len(inputs) or (len(arguments) > len(inputs) and not variadic):
        message = (f"'llvm.call' op incorrect number of operands ({len(arguments)}) for "
                   f"callee (expecting: {len(inputs)})")
    else:
        for index, (expected, actual) in enumerate(zip(inputs, arguments, strict=False)):
            if expected != actual:
                message = (f"'llvm.call' op operand type mismatch for operand {index}: "
                           f"'{actual}' != '{expected}'")
                break
    output = function_type.output
    results = [r.type for r in use.op.results]
    if message is None and results != ([] if output.name == "llvm.void" else [output]):
        message = "'llvm.call' op result type mismatch"
    return [] if message is None else [Diagnostic(use.span, message, category="symbol",
                                                  related=note)]


def _check_get_global(use: SymbolUse, target: SymbolDef) -> list[Diagnostic]:
    """GetGlobalOp::verifySymbolUses: a memref.global of the result's type."""
    note = (Related(target.span, f"'@{use.name}' is defined here"),)
    if target.op.name != "memref.global":
        message = (f"'memref.get_global' op '{use.name}' does not reference a valid global "
                   "memref")
    else:
        declared = target.op.properties.get("type") or target.op.attributes.get("type")
        result = use.op.results[0].type if use.op.results else None
        if declared is None or result is None or result == declared:
            return []
        message = (f"'memref.get_global' op result type '{result}' does not match type "
                   f"'{declared}' of the global memref @{use.name}")
    return [Diagnostic(use.span, message, category="symbol", related=note)]


def _check_launch(use: SymbolUse, tables: dict[int | None, dict[str, SymbolDef]],
                  unknown: set[str]) -> list[Diagnostic]:
    """gpu.launch_func's `@module::@kernel`: the container in the launch's table, the
    function in the container's."""
    from ir_studio.op_checks import launch_func_problem

    kernel = use.op.properties.get("kernel")
    if not isinstance(kernel, SymbolRefAttr):
        return []
    root = kernel.root_reference.data
    container = tables.get(_scope(use.op), {}).get(root)
    if container is None:
        if root in unknown:
            return []
        message = f"kernel container '{root}' is undefined"
    else:
        function = None
        if container.op.name == "gpu.module" and kernel.nested_references.data:
            leaf = kernel.nested_references.data[-1].data
            found = tables.get(id(container.op), {}).get(leaf)
            function = found.op if found is not None else None
        message = launch_func_problem(use.op, container.op, function)
        if message is None:
            return []
    return [Diagnostic(use.span, f"'gpu.launch_func' op {message}", category="symbol")]
