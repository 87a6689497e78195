"""A type after a string or dialect attribute in an attribute dictionary:
`{bar = "typed_string" : !foo.string}`, `{foo = #foo.attr : i32}`.

MLIR's parser reads an optional `: type` after a string literal and after a dialect
attribute (Parser::parseAttribute, parseExtendedAttr); xDSL 0.74 stops at the colon
("'}' expected"). Inside a dictionary an entry's value can only be followed by `,` or
`}`, so a colon there is always such a type. The attribute keeps the value and the type
and prints them back as written.
"""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import StringAttr, UnregisteredAttr
from xdsl.ir import Attribute, BuiltinAttribute, ParametrizedAttribute
from xdsl.irdl import irdl_attr_definition
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.mlir_lexer import MLIRTokenKind


@irdl_attr_definition
class TypedValueAttr(ParametrizedAttribute, BuiltinAttribute):
    name = "builtin.typed_value"
    value: Attribute
    type: Attribute

    def print_builtin(self, printer: Printer) -> None:
        printer.print_attribute(self.value)
        printer.print_string(" : ")
        printer.print_attribute(self.type)


class TypedDictionaryEntries(Parser):
    """Mixin for parsers; relies on xDSL's AttrParser members."""

    def _parse_attribute_entry(self) -> tuple[str, Any]:
        name, value = super()._parse_attribute_entry()
        typed = isinstance(value, StringAttr) or (
            isinstance(value, UnregisteredAttr) and not value.is_type.data)
        if typed and self._current_token.kind == MLIRTokenKind.COLON:
            self._consume_token(MLIRTokenKind.COLON)
            value = TypedValueAttr(value, self.parse_type())
        return name, value
