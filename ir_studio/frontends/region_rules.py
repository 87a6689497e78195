"""MLIR's rules for regions with named arguments (function bodies, `affine.for %i`),
checked while the region is parsed (mlir/lib/AsmParser/Parser.cpp parseRegion and
FunctionOpInterface parsing)."""

from __future__ import annotations

from typing import Any

from xdsl.parser import Parser
from xdsl.utils.exceptions import ParseError

FUNCTIONS = frozenset({"func.func", "gpu.func", "llvm.func"})


class RegionRules(Parser):
    """Mixin for SpanRecordingParser (uses its `_name_spans`, `text_of`, xDSL state)."""

    ssa_values: dict[str, Any]
    forward_ssa_references: dict[str, Any]
    _name_spans: list[Any]
    def text_of(self, span: Any) -> str:
        raise NotImplementedError

    def parse_optional_region(self, arguments: Any = None) -> Any:
        """A named region argument already defined, or used before its definition, is
        "already in use" (not a shadowing value or a resolved forward reference); a
        function body written `{}` is empty, not a declaration."""
        for argument in arguments or ():
            name = argument.name.text[1:]
            if name in self.forward_ssa_references or name in self.ssa_values:
                raise ParseError(argument.name,
                                 f"region entry argument '%{name}' is already in use")
        start = self._current_token.span
        region = super().parse_optional_region(arguments)
        if region is not None and not region.blocks:
            owner = self._name_spans[-1] if self._name_spans else None
            # custom form only: the generic form writes a declaration as `({})`
            if owner is not None and self.text_of(owner) in FUNCTIONS:
                raise ParseError(start, "expected non-empty function body")
        return region
