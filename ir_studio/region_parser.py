"""Parsing the edited lines of an item with the rest of the item's names visible."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xdsl.dialects.builtin import UnregisteredOp
from xdsl.ir import Block, Operation, SSAValue
from xdsl.traits import (
    HasAncestor,
    HasParent,
    IsolatedFromAbove,
    IsTerminator,
    SymbolOpInterface,
    SymbolTable,
)
from xdsl.utils.mlir_lexer import MLIRTokenKind

from ir_studio.frontends.mlir_parser import SpanRecordingParser

SAFE_DIALECTS = frozenset({"arith", "math", "index", "complex", "llvm", "memref", "tensor",
                           "vector", "func"})
"""Dialects whose region-free ops verify from their operands' types and their own
attributes only (not their position or neighbours), so checking one alone is exact."""
_UNSAFE_TRAITS = (IsTerminator, HasParent, HasAncestor, SymbolOpInterface, SymbolTable,
                  IsolatedFromAbove)
_OP_START = (MLIRTokenKind.PERCENT_IDENT, MLIRTokenKind.BARE_IDENT, MLIRTokenKind.STRING_LIT)


def is_simple_op(op: Operation) -> bool:
    if isinstance(op, UnregisteredOp) or op.regions or op.successors:
        return False
    if op.name.split(".", 1)[0] not in SAFE_DIALECTS:
        return False
    return not any(op.has_trait(trait) for trait in _UNSAFE_TRAITS)


class RegionParser(SpanRecordingParser):
    """Parses the edited lines with the rest of the item's names visible through
    stand-ins (never the shared values themselves)."""

    def __init__(self, visible: Callable[[str], tuple[SSAValue, ...] | None], *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visible = visible
        self.proxies: dict[int, SSAValue] = {}
        """id(stand-in) -> the real value it stands for."""
        self._stand_ins: dict[int, SSAValue] = {}

    def _proxy(self, value: SSAValue) -> SSAValue:
        found = self._stand_ins.get(id(value))
        if found is None:
            found = self._stand_ins[id(value)] = Block(arg_types=[value.type]).args[0]
            found.name_hint = value.name_hint  # hover prints operands by these names
            self.proxies[id(found)] = value
        return found

    def resolve_operand(self, operand: Any, type: Any) -> Any:
        name = operand.operand_name
        if name not in self.ssa_values and name not in self.forward_ssa_references:
            visible = self.visible(name)
            if visible is not None:
                self.ssa_values[name] = tuple(self._proxy(v) for v in visible)
        return super().resolve_operand(operand, type)

    def _register_ssa_definition(self, name: str, values: Any, span: Any) -> None:
        if name not in self.ssa_values and self.visible(name) is not None:
            self.raise_error(f"SSA value %{name} is already defined", span)
        super()._register_ssa_definition(name, values, span)
