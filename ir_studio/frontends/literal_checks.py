"""Number literals that do not fit their type, reported as MLIR reports them.

xDSL raises ValueError or OverflowError from the attribute constructors (an i8
IntegerAttr of 777, a hexadecimal f16 of 0xffffffff), which surfaced as "internal
error while parsing". MLIR's parser words these (mlir/lib/AsmParser/AttributeParser.cpp):
"integer constant out of range for attribute" for a scalar, "integer constant out of
range for type" inside `dense<...>`, "hexadecimal float constant out of range for type"
and "negative integer literal not valid for unsigned integer type". MLIR also refuses
what xDSL silently converts: a decimal integer as a float (`42 : f32`), a negative
hexadecimal float, a bit pattern wider than the float type.
"""

from __future__ import annotations

import math
import re
from typing import Any

from xdsl.dialects.builtin import AnyFloat, BytesAttr, FloatAttr, IntegerType
from xdsl.parser import Parser
from xdsl.utils.exceptions import ParseError, VerifyException
from xdsl.utils.lexer import Span as XSpan

from ir_studio.frontends.wide_integers import WideIntElementsAttr, is_wide_integer

_ELEMENT = re.compile(r"(-?)\s*(0[xX][0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|true|false)")
DECIMAL_AS_FLOAT = "unexpected decimal integer literal for a floating point value"


def float_literal_problem(literal: str, negative: bool, bitwidth: int | None) -> str | None:
    """MLIR's rules for one literal of a float type (Parser::parseFloatFromLiteral)."""
    if literal in ("true", "false"):
        return "expected floating point literal"
    if literal[:2] in ("0x", "0X"):
        if negative:
            return "hexadecimal float literal should not have a leading minus"
        if bitwidth is not None and int(literal, 16) >= 1 << bitwidth:
            return "hexadecimal float constant out of range for type"
        return None
    if "." not in literal and "e" not in literal.lower():
        return DECIMAL_AS_FLOAT
    return None


_WIDE_FLOATS = {80: (15, 63, True), 128: (15, 112, False)}
"""bitwidth -> exponent bits, fraction bits, explicit integer bit (x87 f80, IEEE f128)."""


def float_from_bits(bits: int, type: Any) -> float | None:
    """The value of an f80 or f128 bit pattern as a Python float (inf when it is out of
    a double's range); None for other types."""
    layout = _WIDE_FLOATS.get(getattr(type, "bitwidth", 0)) if isinstance(type, AnyFloat) \
        else None
    if layout is None:
        return None
    exponent_bits, fraction_bits, explicit = layout
    sign = -1.0 if bits >> (exponent_bits + fraction_bits + explicit) & 1 else 1.0
    exponent = bits >> (fraction_bits + explicit) & ((1 << exponent_bits) - 1)
    fraction = bits & ((1 << fraction_bits) - 1)
    bias = (1 << (exponent_bits - 1)) - 1
    if exponent == (1 << exponent_bits) - 1:
        return sign * math.inf if fraction == 0 else math.nan
    mantissa = fraction if exponent == 0 or explicit else fraction | (1 << fraction_bits)
    if explicit:
        mantissa |= bits & (1 << fraction_bits)
    try:
        return sign * math.ldexp(mantissa, max(exponent, 1) - bias - fraction_bits)
    except OverflowError:
        return sign * math.inf


def _literal_body(text: str) -> str:
    """`[1, 2]` of `dense<[1, 2]> : tensor<2xf32>` (brackets matched, not searched)."""
    start = text.find("<")
    depth = 0
    for index in range(start, len(text)):
        depth += {"<": 1, ">": -1}.get(text[index], 0)
        if depth == 0:
            return text[start + 1:index]
    return ""


class LiteralRangeChecks(Parser):
    """Mixin for parsers; relies on xDSL's AttrParser members."""

    _last_end: int

    def parse_optional_builtin_int_or_float_attr(self) -> Any:
        start = self._current_token.span
        negative = self._current_token.text == "-"
        if negative:
            literal = self._parser_state.lexer.input.content[start.end:].lstrip()
            hexadecimal = literal[:2] in ("0x", "0X")
        else:
            hexadecimal = self._current_token.text[:2] in ("0x", "0X")
        decimal = (self._current_token.kind.name == "INTEGER_LIT" and not hexadecimal) or (
            negative and not hexadecimal)
        saved = (self._parser_state.lexer.pos, self._parser_state.current_token)
        try:
            attribute = super().parse_optional_builtin_int_or_float_attr()
        except NotImplementedError:
            # xDSL cannot unpack the bits of an f80 or f128 written in hexadecimal.
            self._parser_state.lexer.pos, self._parser_state.current_token = saved
            return self._parse_wide_float_bits()
        except (ValueError, OverflowError, VerifyException) as error:
            raise ParseError(XSpan(start.start, start.end, start.input),
                             self._literal_message(str(error), negative, hexadecimal)) from None
        if isinstance(attribute, FloatAttr):
            token_text = self._parser_state.lexer.input.content[start.start:].lstrip("-").lstrip()
            match = _ELEMENT.match(token_text)
            if match is not None and (decimal or hexadecimal):
                problem = float_literal_problem(match.group(2), negative,
                                                getattr(attribute.type, "bitwidth", None))
                if problem is not None and problem != "hexadecimal float constant out of " \
                        "range for type":
                    raise ParseError(XSpan(start.start, start.end, start.input), problem)
        return attribute

    def _parse_wide_float_bits(self) -> Any:
        """`0x7FFF8000000000000000 : f80`: MLIR reads the bit pattern of the type
        (APFloat); the value kept here is the nearest double."""
        start = self._current_token.span
        bits = self.parse_optional_number()
        type = self._parse_attribute_type()
        value = float_from_bits(bits, type) if isinstance(bits, int) else None
        if value is None or not isinstance(type, AnyFloat) or not isinstance(bits, int):
            raise ParseError(XSpan(start.start, start.end, start.input),
                             f"hexadecimal float literal not supported for type '{type}'")
        if bits >= 1 << type.bitwidth:
            raise ParseError(XSpan(start.start, start.end, start.input),
                             "hexadecimal float constant out of range for type")
        return FloatAttr(value, type)

    def _literal_message(self, detail: str, negative: bool, hexadecimal: bool) -> str:
        if hexadecimal and ("bytes" in detail or "too big" in detail):
            return "hexadecimal float constant out of range for type"
        if negative and re.search(r"for type ui\d", detail):
            return "negative integer literal not valid for unsigned integer type"
        return "integer constant out of range for attribute"

    def _parse_builtin_densearray_attr(self) -> Any:
        """`array<i7: ...>`: MLIR stores dense arrays in whole bytes, so an integer element
        type must be i1 or a multiple of 8 bits (Parser::parseDenseArrayAttr)."""
        opening = self._current_token.span
        content = self._parser_state.lexer.input.content
        type_start = opening.end + len(content[opening.end:]) - len(content[opening.end:].lstrip())
        array = super()._parse_builtin_densearray_attr()
        element = getattr(array, "elt_type", None)
        if isinstance(element, IntegerType) and element.width.data % 8 and element.width.data != 1:
            raise ParseError(XSpan(type_start, type_start + len(str(element)), opening.input),
                             "element type bitwidth must be a multiple of 8")
        return array

    def parse_dense_int_or_fp_elements_attr(self, type: Any) -> Any:
        start = self._current_token.span
        saved = (self._parser_state.lexer.pos, self._parser_state.current_token)
        try:
            dense = super().parse_dense_int_or_fp_elements_attr(type)
        except NotImplementedError:
            # xDSL cannot pack integers wider than 64 bits: read the literal again.
            self._parser_state.lexer.pos, self._parser_state.current_token = saved
            return self._parse_wide_dense(type)
        except (ValueError, OverflowError) as error:
            detail = str(error)
            if "bytes" in detail or "too big" in detail or "float" in detail.lower():
                message = "hexadecimal float constant out of range for type"
            else:
                message = "integer constant out of range for type"
            raise ParseError(XSpan(start.start, start.end, start.input), message) from None
        element = getattr(dense.type, "element_type", None)
        if isinstance(element, AnyFloat):
            text = self._parser_state.lexer.input.content[start.start:self._last_end]
            body = _literal_body(text)
            if not body.lstrip().startswith('"'):
                for match in _ELEMENT.finditer(body):
                    problem = float_literal_problem(match.group(2), match.group(1) == "-",
                                                    element.bitwidth)
                    if problem is not None:
                        raise ParseError(XSpan(start.start, start.end, start.input), problem)
        return dense

    def _parse_wide_dense(self, type: Any) -> Any:
        """`dense<...>` whose integer elements are wider than 64 bits (wide_integers)."""
        start = self._current_token.span
        self.parse_punctuation("<", " in dense attribute")
        elements: list[Any] | None = None
        shape: list[int] = []
        blob = None
        if self.parse_optional_punctuation(">") is None:
            blob = self.parse_optional_str_literal()
            if blob is None:
                elements, shape = self._parse_tensor_literal()
            self.parse_punctuation(">", " in dense attribute")
        if type is None:
            self.parse_punctuation(":", " in dense attribute")
            type = self._parse_dense_literal_type()
        if not is_wide_integer(type):
            raise ParseError(XSpan(start.start, start.end, start.input),
                             f"dense elements of type '{type}' are not supported")
        count = math.prod(type.get_shape())
        if blob is not None:
            try:
                data = bytes.fromhex(blob[2:])
            except ValueError:
                self.raise_error("Hex string in denseAttr is invalid")
            width = (type.element_type.width.data + 7) // 8
            if len(data) == width:
                data *= count
            return WideIntElementsAttr(type, BytesAttr(data))
        values = [int(e.value) for e in elements or []]
        if elements and shape and list(type.get_shape()) != shape:
            self.raise_error(f"Shape mismatch in dense literal. Expected "
                             f"{list(type.get_shape())} shape from the type, but got {shape} "
                             "shape.")
        if elements and not shape:
            values *= count
        if len(values) != count:
            self.raise_error(f"Expected {count} elements in the dense literal, got "
                             f"{len(values)}")
        return WideIntElementsAttr.from_values(type, values)
