"""MLIR's checks on builtin types, made where the type is written.

xDSL builds `tensor<tensor<i8>>`, `vector<0xi32>` or `memref<42xi8, (d0, d1) -> ...>`
without complaint; MLIR rejects them when it builds the type (the `verify` /
`verifyInvariants` of TensorType, MemRefType, VectorType, ComplexType and IntegerType in
mlir/lib/IR/BuiltinTypes.cpp and the type parser in mlir/lib/AsmParser/TypeParser.cpp).
The messages are MLIR's, at the type's own place.
"""

from __future__ import annotations

import re
from typing import Any

from xdsl.dialects.builtin import (
    AffineMapAttr,
    AnyFloat,
    ComplexType,
    FunctionType,
    IntegerType,
    MemRefType,
    NoneType,
    StridedLayoutAttr,
    TensorType,
    TupleType,
    UnrankedMemRefType,
    UnrankedTensorType,
    VectorType,
)
from xdsl.ir import Attribute, TypeAttribute
from xdsl.parser import Parser
from xdsl.utils.exceptions import ParseError
from xdsl.utils.lexer import Span as XSpan

MAX_INTEGER_WIDTH = 16777215
_INTEGER_TYPE = re.compile(r"[su]?i(\d+)")
_NOT_IN_TENSORS = (TensorType, UnrankedTensorType, MemRefType, UnrankedMemRefType,
                   FunctionType, NoneType)
_NOT_IN_MEMREFS = (TensorType, UnrankedTensorType, FunctionType, NoneType, TupleType)
_NOT_IN_VECTORS = (VectorType, *_NOT_IN_TENSORS, ComplexType, TupleType)


def _dims_problem(shape: Any) -> str | None:
    if any(size >= 1 << 63 for size in shape):
        return "invalid dimension"
    return None


def builtin_type_problem(parsed: Attribute) -> str | None:
    """What MLIR says about this builtin type, or None when MLIR accepts it."""
    if isinstance(parsed, TensorType | UnrankedTensorType):
        if isinstance(parsed.element_type, _NOT_IN_TENSORS):
            return "invalid tensor element type"
        return _dims_problem(parsed.get_shape()) if isinstance(parsed, TensorType) else None
    if isinstance(parsed, MemRefType | UnrankedMemRefType):
        if isinstance(parsed.element_type, _NOT_IN_MEMREFS):
            return "invalid memref element type"
        if isinstance(parsed.memory_space, TypeAttribute):
            return "unsupported memory space Attribute"
        if isinstance(parsed, MemRefType):
            rank = parsed.get_num_dims()
            layout = parsed.layout
            if isinstance(layout, AffineMapAttr) and layout.data.num_dims != rank:
                return (f"memref layout mismatch between rank and affine map: "
                        f"{rank} != {layout.data.num_dims}")
            if isinstance(layout, StridedLayoutAttr) and len(layout.strides.data) != rank:
                return "expected the number of strides to match the rank"
            return _dims_problem(parsed.get_shape())
        return None
    if isinstance(parsed, VectorType):
        element = parsed.element_type
        if isinstance(element, _NOT_IN_VECTORS):  # dialect types (!llvm.ptr) may be
            return "failed to verify 'elementType': VectorElementTypeInterface instance"
        shape = parsed.get_shape()
        if any(size == 0 for size in shape):
            return ("vector types must have positive constant sizes but got "
                    + ", ".join(str(size) for size in shape))
        return None
    if isinstance(parsed, ComplexType):
        if not isinstance(parsed.element_type, IntegerType | AnyFloat):
            return "invalid element type for complex"
    return None


class BuiltinTypeChecks(Parser):
    """Mixin for parsers; relies on xDSL's AttrParser members."""

    def _parse_optional_builtin_parametrized_type(self) -> Any:
        start = self._current_token.span
        parsed = super()._parse_optional_builtin_parametrized_type()
        if parsed is not None:
            problem = builtin_type_problem(parsed)
            if problem is not None:
                raise ParseError(XSpan(start.start, start.end, start.input), problem)
        return parsed

    def _parse_optional_integer_or_float_type(self) -> Any:
        token = self._current_token
        match = _INTEGER_TYPE.fullmatch(token.text)
        if match is not None:
            width = int(match.group(1))
            if width >= 1 << 32:
                raise ParseError(token.span, "invalid integer width")
            if width > MAX_INTEGER_WIDTH:
                raise ParseError(token.span, f"integer bitwidth is limited to "
                                 f"{MAX_INTEGER_WIDTH} bits")
        return super()._parse_optional_integer_or_float_type()
