"""Opaque dialect attributes and types whose body is not `mnemonic...`.

MLIR reads `#foo<"\"escaped\"">`, `!bar<>` and `!bar<baz>` of an unregistered dialect
as opaque attributes and types (Parser::parseExtendedAttr / parseExtendedType with
the dialect's name and the raw body). xDSL 0.74's opaque syntax wants an identifier
right after `<` ("Expected attribute name."). This reads any balanced body and keeps
it verbatim, so the printer gives back what was written.
"""

from __future__ import annotations

import re
from typing import Any

from xdsl.parser import Parser
from xdsl.utils.mlir_lexer import MLIRTokenKind

_IDENTIFIER = re.compile(r"[A-Za-z_]")


class OpaqueDialectBodies(Parser):
    """Mixin for parsers; relies on xDSL's AttrParser members."""

    def _parse_extended_type_or_attribute(self, attr_or_dialect_name: str,
                                          is_type: bool) -> Any:
        if "." in attr_or_dialect_name or self._current_token.kind != MLIRTokenKind.LESS:
            return super()._parse_extended_type_or_attribute(attr_or_dialect_name, is_type)
        after = self.lexer.input.content[self._current_token.span.end:].lstrip()
        if _IDENTIFIER.match(after):
            return super()._parse_extended_type_or_attribute(attr_or_dialect_name, is_type)
        name = attr_or_dialect_name + "."
        attr_def = (self.ctx.get_optional_type(name) if is_type
                    else self.ctx.get_optional_attr(name))
        if attr_def is None:
            self.raise_error(f"'{attr_or_dialect_name}' is not registered")
        return attr_def(name, is_type, True, self._parse_dialect_symbol_body())  # pyright: ignore[reportCallIssue]  # an UnregisteredAttr class, whose constructor takes these
