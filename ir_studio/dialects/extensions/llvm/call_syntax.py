"""Pieces of MLIR's call syntax shared by `llvm.invoke` (and any call-like op added
later): the signature with attribute dictionaries after each type
(call_interface_impl's parse/printFunctionSignature) and operand bundles
(LLVMDialect.cpp parseOpBundles/printOpBundles)."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import ArrayAttr, DictionaryAttr, StringAttr
from xdsl.ir import Attribute, SSAValue
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import consumed_end


def parse_typed_signature(parser: Parser) -> tuple[list[Attribute], list[DictionaryAttr],
                                                   list[Attribute], list[DictionaryAttr]]:
    """`(i32 {llvm.noundef}, f32) -> (i32 {llvm.zeroext})`: MLIR's call signature with
    optional attribute dictionaries after each type (call_interface_impl)."""
    inputs: list[Attribute] = []
    input_attrs: list[DictionaryAttr] = []

    def one(types: list[Attribute], attrs: list[DictionaryAttr]) -> None:
        types.append(parser.parse_type())
        attrs.append(DictionaryAttr(parser.parse_optional_dictionary_attr_dict()))

    parser.parse_comma_separated_list(Parser.Delimiter.PAREN, lambda: one(inputs, input_attrs))
    outputs: list[Attribute] = []
    output_attrs: list[DictionaryAttr] = []
    parser.parse_punctuation("->")
    if parser.parse_optional_punctuation("(") is not None:
        if parser.parse_optional_punctuation(")") is None:
            one(outputs, output_attrs)
            while parser.parse_optional_punctuation(",") is not None:
                one(outputs, output_attrs)
            parser.parse_punctuation(")")
    else:
        outputs.append(parser.parse_type())
        output_attrs.append(DictionaryAttr({}))
    return inputs, input_attrs, outputs, output_attrs


def print_typed_signature(printer: Printer, inputs: list[Attribute], input_attrs: Any,
                          outputs: list[Attribute], output_attrs: Any) -> None:
    def one(pair: tuple[Attribute, Any]) -> None:
        printer.print_attribute(pair[0])
        if isinstance(pair[1], DictionaryAttr) and pair[1].data:
            printer.print_string(" ")
            printer.print_attr_dict(pair[1].data)

    def groups(types: list[Attribute], attrs: Any) -> list[tuple[Attribute, Any]]:
        listed = list(attrs.data) if isinstance(attrs, ArrayAttr) else []
        return [(t, listed[i] if i < len(listed) else None) for i, t in enumerate(types)]

    printer.print_string("(")
    printer.print_list(groups(inputs, input_attrs), one)
    printer.print_string(") -> ")
    result = groups(outputs, output_attrs)
    if len(result) == 1 and not (isinstance(result[0][1], DictionaryAttr) and result[0][1].data):
        printer.print_attribute(result[0][0])
        return
    printer.print_string("(")
    printer.print_list(result, one)
    printer.print_string(")")


def attr_array(attrs: list[DictionaryAttr]) -> ArrayAttr[DictionaryAttr] | None:
    return ArrayAttr(attrs) if any(a.data for a in attrs) else None


def parse_op_bundles(parser: Parser) -> tuple[list[list[SSAValue]], list[StringAttr]] | None:
    """`["tag"(%a, %b : i32, f32), "other"()]` (MLIR's parseOpBundles), resolved."""
    if parser.parse_optional_punctuation("[") is None:
        return None
    operands: list[list[SSAValue]] = []
    tags: list[StringAttr] = []
    if parser.parse_optional_punctuation("]") is not None:
        return operands, tags

    def bundle() -> None:
        tags.append(StringAttr(parser.parse_str_literal()))
        parser.parse_punctuation("(")
        if parser.parse_optional_punctuation(")") is not None:
            operands.append([])
            return
        names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                  parser.parse_unresolved_operand)
        parser.parse_punctuation(":")
        start = parser.pos
        types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
        if len(types) != len(names):
            parser.raise_error(f"expected {len(names)} types, got {len(types)}", start,
                               consumed_end(parser))
        parser.parse_punctuation(")")
        operands.append([parser.resolve_operand(n, t) for n, t in zip(names, types,
                                                                       strict=True)])

    parser.parse_comma_separated_list(Parser.Delimiter.NONE, bundle)
    parser.parse_punctuation("]")
    return operands, tags


def print_op_bundles(printer: Printer, op: Any) -> None:
    sizes = list(op.op_bundle_sizes.get_values())
    tags = op.op_bundle_tags
    if not sizes or not isinstance(tags, ArrayAttr):
        return
    values = list(op.op_bundle_operands)
    printer.print_string(" [")
    start = 0
    for index, (size, tag) in enumerate(zip(sizes, tags.data, strict=False)):
        printer.print_string(", " if index else "")
        printer.print_string_literal(tag.data if isinstance(tag, StringAttr) else "")
        printer.print_string("(")
        group = values[start: start + size]
        start += size
        if group:
            printer.print_list(group, printer.print_operand)
            printer.print_string(" : ")
            printer.print_list([v.type for v in group], printer.print_attribute)
        printer.print_string(")")
    printer.print_string("]")
