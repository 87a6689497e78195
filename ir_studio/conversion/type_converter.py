"""MLIR's TypeConverter: rules that map source types to target types.

Rules are tried newest first (as MLIR does), so a specific rule added later overrides
a general one; the identity rule is implicit for a converter built with
`keep_unmatched=True`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xdsl.ir import Attribute

Rule = Callable[[Attribute], Attribute | None]


class TypeConverter:
    """Converts types; `None` means "no rule applies" (the type cannot be converted)."""

    def __init__(self, rules: Sequence[Rule] = (), *, keep_unmatched: bool = True) -> None:
        self._rules: list[Rule] = list(rules)
        self.keep_unmatched = keep_unmatched

    def add_conversion(self, rule: Rule) -> TypeConverter:
        self._rules.append(rule)
        return self

    def convert_type(self, t: Attribute) -> Attribute | None:
        for rule in reversed(self._rules):
            converted = rule(t)
            if converted is not None:
                return converted
        return t if self.keep_unmatched else None

    def convert_types(self, types: Sequence[Attribute]) -> list[Attribute] | None:
        out: list[Attribute] = []
        for t in types:
            converted = self.convert_type(t)
            if converted is None:
                return None
            out.append(converted)
        return out

    def is_legal(self, t: Attribute) -> bool:
        return self.convert_type(t) == t
