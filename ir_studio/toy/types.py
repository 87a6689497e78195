"""Toy's types: f64 tensors (ranked or not), memrefs after Ch5, and Ch7's struct type."""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import (
    ArrayAttr,
    Float64Type,
    MemRefType,
    TensorType,
    UnrankedTensorType,
    f64,
)
from xdsl.ir import Attribute, ParametrizedAttribute, TypeAttribute
from xdsl.irdl import irdl_attr_definition, param_def
from xdsl.parser import AttrParser
from xdsl.printer import Printer

UNRANKED = UnrankedTensorType(f64)


@irdl_attr_definition
class StructType(ParametrizedAttribute, TypeAttribute):
    """`!toy.struct<tensor<*xf64>, ...>`: the element types of a Ch7 struct."""

    name = "toy.struct"
    elements: ArrayAttr[Attribute] = param_def()

    def __init__(self, elements: Sequence[Attribute]) -> None:
        super().__init__(ArrayAttr(elements))

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        types = parser.parse_comma_separated_list(parser.Delimiter.ANGLE, parser.parse_type)
        return (ArrayAttr(types),)

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("<")
        printer.print_list(self.elements.data, printer.print_attribute)
        printer.print_string(">")


def is_f64_tensor(t: Attribute) -> bool:
    return isinstance(t, TensorType | UnrankedTensorType) and isinstance(
        t.element_type, Float64Type
    )


def is_ranked(t: Attribute) -> bool:
    return isinstance(t, TensorType)


def is_toy_value_type(t: Attribute) -> bool:
    """What a Toy value may be: an f64 tensor or a struct of them."""
    if isinstance(t, StructType):
        return all(is_toy_value_type(e) for e in t.elements.data)
    return is_f64_tensor(t)


def is_printable(t: Attribute) -> bool:
    """toy.print takes a tensor, or after the affine lowering a memref, of f64."""
    return is_f64_tensor(t) or (
        isinstance(t, MemRefType) and isinstance(t.element_type, Float64Type)
    )


def tensor(shape: Sequence[int]) -> TensorType:
    return TensorType(f64, list(shape))
