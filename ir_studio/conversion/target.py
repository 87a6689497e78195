"""What a conversion must reach: MLIR's ConversionTarget.

Legality is decided op-first, then dialect, as in MLIR: an op named legal or illegal
overrides its dialect, and a dynamic rule (a predicate on the op) decides case by
case, e.g. `toy.print` is legal once its operand is no longer a tensor.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from xdsl.ir import Operation

from ir_studio.verify import op_display_name

OpKey = str | type[Operation]
Predicate = Callable[[Operation], bool]


class Legality(Enum):
    LEGAL = "legal"
    ILLEGAL = "illegal"
    UNKNOWN = "unknown"


def _name(key: OpKey) -> str:
    return key if isinstance(key, str) else key.name


class ConversionTarget:
    """Legal and illegal dialects and ops, plus dynamic legality rules."""

    def __init__(self) -> None:
        self._dialects: dict[str, Legality] = {}
        self._ops: dict[str, Legality] = {}
        self._dynamic: dict[str, Predicate] = {}
        self._dynamic_dialects: dict[str, Predicate] = {}

    def add_legal_dialect(self, *names: str) -> ConversionTarget:
        self._dialects.update({n: Legality.LEGAL for n in names})
        return self

    def add_illegal_dialect(self, *names: str) -> ConversionTarget:
        self._dialects.update({n: Legality.ILLEGAL for n in names})
        return self

    def add_legal_op(self, *ops: OpKey) -> ConversionTarget:
        self._ops.update({_name(o): Legality.LEGAL for o in ops})
        return self

    def add_illegal_op(self, *ops: OpKey) -> ConversionTarget:
        self._ops.update({_name(o): Legality.ILLEGAL for o in ops})
        return self

    def add_dynamically_legal_op(self, op: OpKey, predicate: Predicate) -> ConversionTarget:
        self._dynamic[_name(op)] = predicate
        return self

    def add_dynamically_legal_dialect(self, dialect: str, predicate: Predicate) -> ConversionTarget:
        self._dynamic_dialects[dialect] = predicate
        return self

    def legality(self, op: Operation) -> Legality:
        name = op_display_name(op)
        rule = self._dynamic.get(name)
        if rule is not None:
            return Legality.LEGAL if rule(op) else Legality.ILLEGAL
        if name in self._ops:
            return self._ops[name]
        dialect = name.split(".", 1)[0]
        dyn = self._dynamic_dialects.get(dialect)
        if dyn is not None:
            return Legality.LEGAL if dyn(op) else Legality.ILLEGAL
        return self._dialects.get(dialect, Legality.UNKNOWN)

    def explicitly_illegal(self, op: Operation) -> bool:
        """Illegal by name or dialect (not merely unknown): partial conversion must remove it."""
        return self.legality(op) is Legality.ILLEGAL
