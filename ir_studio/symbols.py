"""Symbol definitions, references and `func.call` signatures, checked with one table
per symbol scope so the cost is linear in the number of symbols and uses.

xDSL's own check scans the whole module for every call (quadratic); ir-studio turns
that off during verification (`ir_studio.verify`) and runs this instead.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from xdsl.dialects.builtin import StringAttr, SymbolRefAttr
from xdsl.ir import Attribute, Operation
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


@dataclass(frozen=True, slots=True)
class SymbolFacts:
    """One definition or use, with what the checks across items read of its op, as
    plain data (types are xDSL attributes, which pickle): the items checked in another
    process (`ir_studio.parallel_build`) join the same check as the local ones."""

    name: str
    span: Span
    op_name: str
    key: Hashable
    """The op's identity (a definition met twice is not a redefinition)."""
    scope: Hashable | None
    """The symbol table the op is in (None: the chunk's top level)."""
    checked: bool = False
    signature: Attribute | None = None
    """A definition's function type (`func.func`, `llvm.func`) or global's type."""
    operand_types: tuple[Attribute, ...] = ()
    result_types: tuple[Attribute, ...] = ()
    call_args: tuple[Attribute, ...] = ()
    """`llvm.call`'s arguments (its operands minus the indirect callee)."""
    op: Operation | None = field(default=None, compare=False)
    """Only in the process that parsed it, for `gpu.launch_func`'s checks (which read
    the ops); never sent to another process."""

    def shifted(self, delta: int) -> SymbolFacts:
        return replace(self, span=self.span.shifted(delta)) if delta else self


def _signature(op: Operation) -> Attribute | None:
    if op.name in ("func.func", "llvm.func"):
        found = getattr(op, "function_type", None)
        return found if isinstance(found, Attribute) else None
    if op.name == "memref.global":
        return op.properties.get("type") or op.attributes.get("type")
    if op.name in CALLABLE_GLOBALS:
        return op.properties.get(CALLABLE_GLOBALS[op.name])
    return None


def definition_facts(definition: SymbolDef, delta: int = 0, process: Hashable = None,
                     keep_op: bool = True) -> SymbolFacts:
    """`definition` at `delta` further into the file; `process` tags the identities so
    that those of two processes never meet."""
    op = definition.op
    scope = _scope(op)
    return SymbolFacts(definition.name, definition.span.shifted(delta), op.name,
                       (process, id(op)), None if scope is None else (process, scope),
                       signature=_signature(op), op=op if keep_op else None)


def use_facts(use: SymbolUse, delta: int = 0, process: Hashable = None,
              keep_op: bool = True) -> SymbolFacts:
    op = use.op
    scope = _scope(op)
    args = getattr(op, "args", ()) if op.name == "llvm.call" else ()
    return SymbolFacts(use.name, use.span.shifted(delta), op.name, (process, id(op)),
                       None if scope is None else (process, scope), use.checked,
                       operand_types=tuple(v.type for v in op.operands),
                       result_types=tuple(r.type for r in op.results),
                       call_args=tuple(v.type for v in args),
                       op=op if keep_op else None)


def check_symbol_facts(
    defs: Iterable[SymbolFacts], uses: Iterable[SymbolFacts], unknown: set[str] | None = None
) -> list[Diagnostic]:
    """Redefinitions, undefined references and call signatures, in one pass each, over
    facts in the order of the items they come from (from this process or another).

    `unknown` names symbols defined by items that failed to parse: uses of them are not
    reported, since the real error is the parse error.
    """
    unknown = unknown or set()
    problems: list[Diagnostic] = []
    tables: dict[Hashable | None, dict[str, SymbolFacts]] = {}
    for definition in defs:
        table = tables.setdefault(definition.scope, {})
        previous = table.get(definition.name)
        if previous is not None and previous.key != definition.key:
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
    launches: set[Hashable] = set()
    for use in uses:
        if use.op_name == "gpu.launch_func":
            if use.key not in launches:
                launches.add(use.key)
                problems.extend(_check_launch(use, tables, unknown))
            continue
        llvm_problems = (None if use.op is None  # (files with these stay in one process)
                         else llvm_symbol_problems(use, tables.get(use.scope, {}), unknown))
        if llvm_problems is not None:
            problems.extend(llvm_problems)
            continue
        if not use.checked:
            continue
        table = tables.get(use.scope, {})
        target = table.get(use.name)
        if target is None:
            if use.name not in unknown:
                problems.append(_undefined(use, table))
            continue
        problems.extend(_check_call(use, target))
    return problems


def _undefined(use: SymbolFacts, table: dict[str, SymbolFacts]) -> Diagnostic:
    if use.op_name == "func.call":
        message = f"'@{use.name}' does not reference a valid function"
    elif use.op_name == "func.constant":
        message = f"'func.constant' op reference to undefined function '{use.name}'"
    elif use.op_name == "memref.get_global":
        message = f"'memref.get_global' op '{use.name}' does not reference a valid global memref"
    else:
        message = f"undefined symbol '@{use.name}' referenced by '{use.op_name}'"
    token = Span(use.span.start, use.span.start + len(use.name) + 1)
    candidates = tuple("@" + c for c in close_names(use.name, table))
    subject = Subject("undefined-symbol", "@" + use.name, token, candidates)
    return Diagnostic(use.span, message, category="symbol", subject=subject)


def _check_call(use: SymbolFacts, target: SymbolFacts) -> list[Diagnostic]:
    """MLIR's func.call (and func.constant) verifier messages, with a note at the callee."""
    if use.op_name == "func.constant":
        return _check_function_reference(use, target)
    if use.op_name == "llvm.call":
        return _check_llvm_call(use, target)
    if use.op_name == "memref.get_global":
        return _check_get_global(use, target)
    if use.op_name != "func.call":
        return []
    note = (Related(target.span, f"'@{use.name}' is defined here"),)
    if target.op_name != "func.func":
        return [Diagnostic(use.span, f"'@{use.name}' does not reference a valid function",
                           category="symbol", related=note)]
    function_type: Any = target.signature  # a func.func's FunctionType
    inputs, outputs = function_type.inputs.data, function_type.outputs.data
    operand_types, result_types = use.operand_types, use.result_types
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


def _check_function_reference(use: SymbolFacts, target: SymbolFacts) -> list[Diagnostic]:
    note = (Related(target.span, f"'@{use.name}' is defined here"),)
    if target.op_name != "func.func":
        message = f"'func.constant' op reference to undefined function '{use.name}'"
    elif target.signature != use.result_types[0]:
        message = "'func.constant' op reference to function with mismatched type"
    else:
        return []
    return [Diagnostic(use.span, message, category="symbol", related=note)]


def _check_llvm_call(use: SymbolFacts, target: SymbolFacts) -> list[Diagnostic]:
    """MLIR's llvm.call checks against the callee's !llvm.func type (varargs allowed)."""
    note = (Related(target.span, f"'@{use.name}' is defined here"),)
    if target.op_name not in ("llvm.func", *CALLABLE_GLOBALS):
        return [Diagnostic(use.span, f"'llvm.call' op '{use.name}' does not reference a valid "
                           "LLVM function or IFunc", category="symbol", related=note)]
    function_type: Any = target.signature  # an llvm.func's or ifunc's LLVMFunctionType
    if function_type is None or not hasattr(function_type, "is_variadic"):
        return []
    inputs = list(function_type.inputs.data)
    arguments = use.call_args
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
    results = list(use.result_types)
    if message is None and results != ([] if output.name == "llvm.void" else [output]):
        message = "'llvm.call' op result type mismatch"
    return [] if message is None else [Diagnostic(use.span, message, category="symbol",
                                                  related=note)]


def _check_get_global(use: SymbolFacts, target: SymbolFacts) -> list[Diagnostic]:
    """GetGlobalOp::verifySymbolUses: a memref.global of the result's type."""
    note = (Related(target.span, f"'@{use.name}' is defined here"),)
    if target.op_name != "memref.global":
        message = (f"'memref.get_global' op '{use.name}' does not reference a valid global "
                   "memref")
    else:
        declared = target.signature
        result = use.result_types[0] if use.result_types else None
        if declared is None or result is None or result == declared:
            return []
        message = (f"'memref.get_global' op result type '{result}' does not match type "
                   f"'{declared}' of the global memref @{use.name}")
    return [Diagnostic(use.span, message, category="symbol", related=note)]


def _check_launch(use: SymbolFacts, tables: dict[Hashable | None, dict[str, SymbolFacts]],
                  unknown: set[str]) -> list[Diagnostic]:
    """gpu.launch_func's `@module::@kernel`: the container in the launch's table, the
    function in the container's. Reads the ops: only checked where they were parsed
    (`ir_studio.parallel_build` keeps files with launches in one process)."""
    from ir_studio.op_checks import launch_func_problem

    if use.op is None:
        return []
    kernel = use.op.properties.get("kernel")
    if not isinstance(kernel, SymbolRefAttr):
        return []
    root = kernel.root_reference.data
    container = tables.get(use.scope, {}).get(root)
    if container is None:
        if root in unknown:
            return []
        message = f"kernel container '{root}' is undefined"
    else:
        function = None
        if container.op is None:
            return []
        if container.op_name == "gpu.module" and kernel.nested_references.data:
            leaf = kernel.nested_references.data[-1].data
            process = container.key[0] if isinstance(container.key, tuple) else None
            found = tables.get((process, id(container.op)), {}).get(leaf)
            function = found.op if found is not None else None
        message = launch_func_problem(use.op, container.op, function)
        if message is None:
            return []
    return [Diagnostic(use.span, f"'gpu.launch_func' op {message}", category="symbol")]


_SYMBOL_HEAD = re.compile(r'@("[^"\n]*"|[A-Za-z_$.][\w$.]*)')


def declared_names(text: str) -> list[str]:
    """Symbols an unparsable item probably defines (first `@name` on its first line), so
    calls to a function with a typo inside are not also reported as undefined."""
    match = _SYMBOL_HEAD.search(text.split("\n", 1)[0])
    return [match.group(1).strip('"')] if match else []
