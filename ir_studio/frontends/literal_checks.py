"""Number literals that do not fit their type, reported as MLIR reports them.

xDSL raises ValueError or OverflowError from the attribute constructors (an i8
IntegerAttr of 777, a hexadecimal f16 of 0xffffffff), which surfaced as "internal
error while parsing". MLIR's parser words these (mlir/lib/AsmParser/AttributeParser.cpp):
"integer constant out of range for attribute" for a scalar, "integer constant out of
range for type" inside `dense<...>`, "hexadecimal float constant out of range for type"
and "negative integer literal not valid for unsigned integer type".
"""

from __future__ import annotations

import re
from typing import Any

from xdsl.utils.exceptions import ParseError, VerifyException
from xdsl.utils.lexer import Span as XSpan


class LiteralRangeChecks:
    """Mixin for parsers; relies on xDSL's AttrParser members."""

    _current_token: Any

    def parse_optional_builtin_int_or_float_attr(self) -> Any:
        start = self._current_token.span
        negative = self._current_token.text == "-"
        hexadecimal = self._current_token.text[:2] in ("0x", "0X")
        try:
            attribute = super().parse_optional_builtin_int_or_float_attr()  # type: ignore[misc]
        except (ValueError, OverflowError, VerifyException) as error:
            raise ParseError(XSpan(start.start, start.end, start.input),
                             self._literal_message(str(error), negative, hexadecimal)) from None
        return attribute

    def _literal_message(self, detail: str, negative: bool, hexadecimal: bool) -> str:
        if hexadecimal and ("bytes" in detail or "too big" in detail):
            return "hexadecimal float constant out of range for type"
        if negative and re.search(r"for type ui\d", detail):
            return "negative integer literal not valid for unsigned integer type"
        return "integer constant out of range for attribute"

    def parse_dense_int_or_fp_elements_attr(self, type: Any) -> Any:
        start = self._current_token.span
        try:
            return super().parse_dense_int_or_fp_elements_attr(type)  # type: ignore[misc]
        except (ValueError, OverflowError) as error:
            detail = str(error)
            if "bytes" in detail or "too big" in detail or "float" in detail.lower():
                message = "hexadecimal float constant out of range for type"
            else:
                message = "integer constant out of range for type"
            raise ParseError(XSpan(start.start, start.end, start.input), message) from None
