"""MLIR's custom syntax for `memref.global`, which xDSL 0.74 lacks (generic form only).

`memref.global "private" constant @table : memref<2xi32> = dense<[1, 2]>` is how
mlir-opt prints globals, so files from upstream tools must parse.
"""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import MemRefType, StringAttr, TensorType, UnitAttr
from xdsl.dialects.memref import GlobalOp
from xdsl.parser import Parser
from xdsl.printer import Printer


def _parse(cls: type[GlobalOp], parser: Parser) -> GlobalOp:
    visibility = parser.parse_optional_str_literal() or "public"
    constant = UnitAttr() if parser.parse_optional_keyword("constant") else None
    name = parser.parse_symbol_name()
    parser.parse_punctuation(":")
    memref_type = parser.parse_type()
    initial: Any = UnitAttr()
    if parser.parse_optional_punctuation("=") is not None:
        if parser.parse_optional_keyword("uninitialized") is None:
            initial = _parse_initial_value(parser, memref_type)
    attributes = parser.parse_optional_attr_dict()
    properties: dict[str, Any] = {
        "sym_name": name, "sym_visibility": StringAttr(visibility), "type": memref_type,
        "initial_value": initial,
    }
    if constant is not None:
        properties["constant"] = constant
    if "alignment" in attributes:
        properties["alignment"] = attributes.pop("alignment")
    return cls.create(properties=properties, attributes=attributes)


def _parse_initial_value(parser: Parser, memref_type: Any) -> Any:
    """`dense<...>` takes its tensor type from the global's memref type, as in MLIR."""
    if parser.parse_optional_keyword("dense") is None or not isinstance(memref_type, MemRefType):
        return parser.parse_attribute()
    tensor = TensorType(memref_type.element_type, memref_type.get_shape())
    return parser.parse_dense_int_or_fp_elements_attr(tensor)


def _print(self: GlobalOp, printer: Printer) -> None:
    printer.print_string(f' "{self.sym_visibility.data}"')
    if self.constant is not None:
        printer.print_string(" constant")
    printer.print_string(" @")
    printer.print_identifier_or_string_literal(self.sym_name.data)
    printer.print_string(" : ")
    printer.print_attribute(self.type)
    printer.print_string(" = ")
    if isinstance(self.initial_value, UnitAttr):
        printer.print_string("uninitialized")
    else:
        text = str(self.initial_value)
        # MLIR leaves out the tensor type: the memref type already says it.
        printer.print_string(text.rsplit(" : ", 1)[0] if text.startswith("dense<") else text)
    if self.alignment is not None:
        printer.print_string(f" {{alignment = {self.alignment.value.data} : i64}}")
    printer.print_op_attributes(self.attributes)


def install() -> None:
    """Give GlobalOp MLIR's syntax."""
    GlobalOp.parse = classmethod(_parse)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class
    GlobalOp.print = _print
