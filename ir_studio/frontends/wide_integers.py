"""`dense<...>` of integers wider than 64 bits (`vector<2xi128>`, `tensor<4xi67>`).

xDSL 0.74 packs dense integer elements with Python's struct module, which stops at 64
bits: `arith.constant dense<[1, 2]> : vector<2xi128>` raised NotImplementedError, an
internal error. MLIR stores such elements as APInts rounded up to whole bytes
(DenseIntOrFPElementsAttr, mlir/lib/IR/BuiltinAttributes.cpp); this attribute keeps
them the same way, little-endian two's complement, and prints as MLIR does. Ops that
require a DenseIntOrFPElementsAttr (`arith.constant`) still refuse it, with a
diagnostic rather than a crash.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from xdsl.dialects.builtin import (
    BytesAttr,
    IntegerAttr,
    IntegerType,
    Signedness,
)
from xdsl.ir import Attribute, BuiltinAttribute, TypedAttribute
from xdsl.irdl import irdl_attr_definition
from xdsl.printer import Printer


def _byte_width(element: IntegerType) -> int:
    return (element.width.data + 7) // 8


@irdl_attr_definition
class WideIntElementsAttr(TypedAttribute, BuiltinAttribute):
    """Printed as `dense<...> : T` like a DenseIntOrFPElementsAttr (xDSL's attribute
    classes are final, so this one stands beside it rather than deriving from it)."""

    name = "builtin.dense_wide_int"
    type: Attribute
    data: BytesAttr

    @staticmethod
    def from_values(type: Any, values: Sequence[int]) -> WideIntElementsAttr:
        width = _byte_width(type.get_element_type())
        mask = (1 << (8 * width)) - 1
        data = b"".join((v & mask).to_bytes(width, "little") for v in values)
        return WideIntElementsAttr(type, BytesAttr(data))

    def get_element_type(self) -> IntegerType:
        return self.type.get_element_type()  # pyright: ignore[reportAttributeAccessIssue]  # a shaped type of integers, as the parser builds it

    def get_shape(self) -> tuple[int, ...]:
        return tuple(self.type.get_shape())  # pyright: ignore[reportAttributeAccessIssue]  # a shaped type, as the parser builds it

    def __len__(self) -> int:
        return len(self.data.data) // _byte_width(self.get_element_type())

    def iter_values(self) -> Iterator[int]:
        element = self.get_element_type()
        width, bits = _byte_width(element), element.width.data
        signed = element.signedness.data != Signedness.UNSIGNED
        raw = self.data.data
        for offset in range(0, len(raw), width):
            value = int.from_bytes(raw[offset:offset + width], "little") & ((1 << bits) - 1)
            if signed and value >> (bits - 1):
                value -= 1 << bits
            yield value

    def get_values(self) -> tuple[int, ...]:
        return tuple(self.iter_values())

    def get_attrs(self) -> tuple[IntegerAttr, ...]:
        element = self.get_element_type()
        return tuple(IntegerAttr(v, element) for v in self.iter_values())

    def is_splat(self) -> bool:
        values = self.get_values()
        return bool(values) and values.count(values[0]) == len(values)

    def print_without_type(self, printer: Printer) -> None:
        values = self.get_values()
        printer.print_string("dense<")
        if self.is_splat():
            printer.print_string(str(values[0]))
        elif len(values) > 100:
            printer.print_string(f'"0x{self.data.data.hex().upper()}"')
        elif values:
            printer.print_string(_nested(list(values), list(self.get_shape())))
        printer.print_string(">")

    def print_builtin(self, printer: Printer) -> None:
        self.print_without_type(printer)
        printer.print_string(" : ")
        printer.print_attribute(self.type)


def _nested(values: list[int], shape: list[int]) -> str:
    if len(shape) <= 1:
        return "[" + ", ".join(map(str, values)) + "]"
    step = len(values) // shape[0]
    return "[" + ", ".join(_nested(values[i:i + step], shape[1:])
                           for i in range(0, len(values), step)) + "]"

def is_wide_integer(type: Any) -> bool:
    element = getattr(type, "element_type", None)
    return isinstance(element, IntegerType) and element.width.data > 64
