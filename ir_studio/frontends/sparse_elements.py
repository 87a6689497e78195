"""`sparse<indices, values> : T`, MLIR's SparseElementsAttr, which xDSL 0.74 lacks.

`arith.constant sparse<[[0, 0], [1, 1]], [1.0, 2.0]> : tensor<4x4xf32>` was "attribute
expected". The literal is read as MLIR's parser reads it (parseSparseElementsAttr in
mlir/lib/AsmParser/AttributeParser.cpp): the indices are integers, a scalar meaning the
same index in every dimension; the values are a 1-d list or a hex blob; every index lies
inside the shape. The attribute keeps both literals as written, so it prints back the
same way.
"""

from __future__ import annotations

import re
from typing import Any

from xdsl.dialects.builtin import DYNAMIC_INDEX, StringAttr, TensorType, VectorType
from xdsl.ir import Attribute, BuiltinAttribute, TypedAttribute
from xdsl.irdl import irdl_attr_definition
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import ParseError
from xdsl.utils.lexer import Span as XSpan
from xdsl.utils.mlir_lexer import MLIRTokenKind

_INTEGER = re.compile(r"\s*(-?\s*(?:0[xX][0-9a-fA-F]+|\d+))\s*")


@irdl_attr_definition
class SparseElementsAttr(TypedAttribute, BuiltinAttribute):
    name = "builtin.sparse_elements"
    type: Attribute
    indices: StringAttr
    values: StringAttr

    def print_without_type(self, printer: Printer) -> None:
        body = f"{self.indices.data}, {self.values.data}" if self.indices.data else ""
        printer.print_string(f"sparse<{body}>")

    def print_builtin(self, printer: Printer) -> None:
        self.print_without_type(printer)
        printer.print_string(" : ")
        printer.print_attribute(self.type)


def _split_top(body: str) -> list[str]:
    """Split at commas outside brackets, parentheses and strings."""
    parts, depth, start, quoted = [], 0, 0, False
    for index, char in enumerate(body):
        if char == '"' and (index == 0 or body[index - 1] != "\\"):
            quoted = not quoted
        elif not quoted and char in "[(":
            depth += 1
        elif not quoted and char in "])":
            depth -= 1
        elif not quoted and char == "," and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    return parts


def _nested(text: str) -> tuple[list[Any], list[int]] | None:
    """A nested list of integers and its shape; None when it is not one."""
    text = text.strip()
    if not text.startswith("["):
        match = _INTEGER.fullmatch(text)
        return None if match is None else ([int(match.group(1).replace(" ", ""), 0)], [])
    if not text.endswith("]"):
        return None
    inner = text[1:-1].strip()
    if not inner:
        return [], [0]
    items = [_nested(part) for part in _split_top(inner)]
    if any(item is None for item in items):
        return None
    shapes = {tuple(item[1]) for item in items if item is not None}
    if len(shapes) != 1:
        return None
    flat = [v for item in items if item is not None for v in item[0]]
    return flat, [len(items), *next(iter(shapes))]


class SparseElementsParsing(Parser):
    """Mixin for parsers; relies on xDSL's AttrParser members."""

    def _parse_optional_builtin_parametrized_attr(self) -> Attribute | None:
        token = self._current_token
        if token.kind != MLIRTokenKind.BARE_IDENT or token.text != "sparse":
            return super()._parse_optional_builtin_parametrized_attr()
        self._consume_token(MLIRTokenKind.BARE_IDENT)
        if self._current_token.kind != MLIRTokenKind.LESS:
            self.raise_error("expected '<' after 'sparse'")
        opening = self._current_token.span
        body = self._parse_dialect_symbol_body()
        self.parse_punctuation(":", " in sparse elements attribute")
        type_start = self._current_token.span
        type = self.parse_type()
        if not isinstance(type, TensorType | VectorType):
            raise ParseError(type_start, "elements literal must be a shaped type")
        shape = list(type.get_shape())
        if DYNAMIC_INDEX in shape:
            raise ParseError(type_start, "elements literal type must have static shape")
        where = XSpan(opening.start, opening.end, opening.input)
        if not body.strip():
            return SparseElementsAttr(type, StringAttr(""), StringAttr(""))
        parts = _split_top(body)
        if len(parts) != 2:
            raise ParseError(where, "expected element literal of primitive type")
        indices_text, values_text = parts[0].strip(), parts[1].strip()
        indices = _nested(indices_text)
        if indices is None:
            raise ParseError(where, "expected element literal of primitive type")
        if values_text.startswith("[") and values_text[1:].lstrip().startswith("["):
            raise ParseError(where, "expected 1-d tensor for sparse element values")
        if not values_text or any(not v.strip() for v in _split_top(values_text.strip("[]"))
                                  if values_text.strip("[]").strip()):
            raise ParseError(where, "expected element literal of primitive type")
        flat, index_shape = indices
        points = [[flat[0]] * len(shape)] if not index_shape else (
            [[v] for v in flat] if len(index_shape) == 1 else
            [flat[i:i + index_shape[1]] for i in range(0, len(flat), index_shape[1])])
        for number, point in enumerate(points):
            if len(point) != len(shape) or any(
                    not 0 <= p < size for p, size in zip(point, shape, strict=False)):
                raise ParseError(where, f"sparse index #{number} is not contained within the "
                                        f"value shape, with index=[{', '.join(map(str, point))}]"
                                        f", and type='{type}'")
        return SparseElementsAttr(type, StringAttr(indices_text), StringAttr(values_text))
