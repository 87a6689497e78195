"""MLIR's syntax for the handle ops xDSL 0.74 defines in the generic form only:

    %c = transform.get_consumers_of_result %op[0] : (!transform.any_op) -> !transform.any_op
    %p = transform.get_producer_of_operand %op[1] : (...) -> ...
    %d = transform.get_defining_op %value : (!transform.any_value) -> !transform.any_op
    %t = transform.get_type elemental %value : (!transform.any_value) -> !transform.any_param
    %s = transform.select "linalg.matmul" in %ops : (...) -> ...
    %c = transform.cast %h : !transform.any_op to !transform.op<"func.func">
    %m = transform.merge_handles deduplicate %a, %b : !transform.any_op
    transform.match.operation_empty %h : !transform.any_op
    %r = transform.include @sequence failures(propagate) (%h) : (...) -> (...)
"""

from __future__ import annotations

from typing import Any

from xdsl.dialects import transform
from xdsl.dialects.builtin import (
    FunctionType,
    IntegerAttr,
    StringAttr,
    SymbolRefAttr,
    UnitAttr,
    i32,
    i64,
)
from xdsl.ir import Operation
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import attach_syntax

_MODES = ("propagate", "suppress")  # transform::FailurePropagationMode: 1 and 2


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    for cls, keyword in ((transform.GetConsumersOfResultOp, "result_number"),
                         (transform.GetProducerOfOperandOp, "operand_number")):
        attach_syntax(cls, _indexed_parser(keyword), _indexed_printer(keyword))
    for cls in (transform.GetDefiningOp, transform.GetTypeOp, transform.SelectOp):
        attach_syntax(cls, _parse_unary, _print_unary)
    attach_syntax(transform.CastOp, _parse_cast, _print_cast)
    attach_syntax(transform.MergeHandlesOp, _parse_merge, _print_merge)
    attach_syntax(transform.MatchOperationEmptyOp, _parse_empty, _print_empty)
    attach_syntax(transform.IncludeOp, _parse_include, _print_include)


def _function(parser: Parser, inputs: int) -> FunctionType:
    parser.parse_punctuation(":")
    pos = parser.pos
    written = parser.parse_type()
    if not isinstance(written, FunctionType) or len(written.inputs) != inputs:
        parser.raise_error(f"expected a function type with {inputs} input(s)", pos, parser.pos)
    return written


def _print_function(printer: Printer, op: Operation) -> None:
    printer.print_string(" : ")
    printer.print_attribute(FunctionType.from_lists([o.type for o in op.operands],
                                                    [r.type for r in op.results]))


def _indexed_parser(keyword: str) -> Any:
    def parse(cls: type[Any], parser: Parser) -> Any:
        target = parser.parse_unresolved_operand()
        parser.parse_punctuation("[")
        number = parser.parse_integer()
        parser.parse_punctuation("]")
        attributes = parser.parse_optional_attr_dict()
        function = _function(parser, 1)
        return cls.create(operands=[parser.resolve_operand(target, function.inputs.data[0])],
                          result_types=list(function.outputs.data), attributes=attributes,
                          properties={keyword: IntegerAttr(number, i64)})

    return parse


def _indexed_printer(keyword: str) -> Any:
    def print_op(op: Any, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(op.target)
        printer.print_string(f"[{op.properties[keyword].value.data}]")
        printer.print_op_attributes(op.attributes)
        _print_function(printer, op)

    return print_op


def _parse_unary(cls: type[Any], parser: Parser) -> Any:
    """`[elemental] %v` (get_type), `"name" in %h` (select), `%h` (get_defining_op)."""
    properties: dict[str, Any] = {}
    if cls is transform.GetTypeOp and parser.parse_optional_keyword("elemental"):
        properties["elemental"] = UnitAttr()
    if cls is transform.SelectOp:
        properties["op_name"] = StringAttr(parser.parse_str_literal())
        parser.parse_keyword("in")
    value = parser.parse_unresolved_operand()
    attributes = parser.parse_optional_attr_dict()
    function = _function(parser, 1)
    return cls.create(operands=[parser.resolve_operand(value, function.inputs.data[0])],
                      result_types=list(function.outputs.data), attributes=attributes,
                      properties=properties)


def _print_unary(op: Any, printer: Printer) -> None:
    if op.properties.get("elemental") is not None:
        printer.print_string(" elemental")
    if isinstance(op, transform.SelectOp):
        printer.print_string(" ")
        printer.print_string_literal(op.op_name.data)
        printer.print_string(" in")
    printer.print_string(" ")
    printer.print_operand(op.operands[0])
    printer.print_op_attributes(op.attributes)
    _print_function(printer, op)


def _parse_cast(cls: type[Any], parser: Parser) -> Any:
    value = parser.parse_unresolved_operand()
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    source = parser.resolve_operand(value, parser.parse_type())
    parser.parse_keyword("to")
    return cls.create(operands=[source], result_types=[parser.parse_type()],
                      attributes=attributes)


def _print_cast(op: Any, printer: Printer) -> None:
    printer.print_string(" ")
    printer.print_operand(op.input)
    printer.print_op_attributes(op.attributes)
    printer.print_string(" : ")
    printer.print_attribute(op.input.type)
    printer.print_string(" to ")
    printer.print_attribute(op.output.type)


def _parse_merge(cls: type[Any], parser: Parser) -> Any:
    """Every handle has the result's type (`: type($result)`)."""
    properties = {"deduplicate": UnitAttr()} if parser.parse_optional_keyword(
        "deduplicate") else {}
    names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                              parser.parse_unresolved_operand)
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    handle_type = parser.parse_type()
    return cls.create(operands=[parser.resolve_operand(n, handle_type) for n in names],
                      result_types=[handle_type], attributes=attributes,
                      properties=properties)


def _print_merge(op: Any, printer: Printer) -> None:
    if op.deduplicate is not None:
        printer.print_string(" deduplicate")
    printer.print_string(" ")
    printer.print_list(op.handles, printer.print_operand)
    printer.print_op_attributes(op.attributes)
    printer.print_string(" : ")
    printer.print_attribute(op.result.type)


def _parse_empty(cls: type[Any], parser: Parser) -> Any:
    value = parser.parse_unresolved_operand()
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    return cls.create(operands=[parser.resolve_operand(value, parser.parse_type())],
                      attributes=attributes)


def _print_empty(op: Any, printer: Printer) -> None:
    printer.print_string(" ")
    printer.print_operand(op.operand_handle)
    printer.print_op_attributes(op.attributes)
    printer.print_string(" : ")
    printer.print_attribute(op.operand_handle.type)


def _parse_include(cls: type[Any], parser: Parser) -> Any:
    pos = parser.pos
    target = parser.parse_attribute()
    if not isinstance(target, SymbolRefAttr):
        parser.raise_error("expected the symbol of a named sequence", pos, parser.pos)
    parser.parse_keyword("failures")
    parser.parse_punctuation("(")
    pos = parser.pos
    mode = parser.parse_identifier()
    if mode not in _MODES:
        parser.raise_error(f"expected one of {', '.join(_MODES)}, got '{mode}'", pos,
                           parser.pos)
    parser.parse_punctuation(")")
    names = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                              parser.parse_unresolved_operand)
    attributes = parser.parse_optional_attr_dict()
    function = _function(parser, len(names))
    operands = [parser.resolve_operand(n, t)
                for n, t in zip(names, function.inputs.data, strict=True)]
    return cls.create(operands=operands, result_types=list(function.outputs.data),
                      attributes=attributes,
                      properties={"target": target, "failure_propagation_mode":
                                  IntegerAttr(_MODES.index(mode) + 1, i32)})


def _print_include(op: Any, printer: Printer) -> None:
    printer.print_string(" ")
    printer.print_attribute(op.target)
    mode = op.failure_propagation_mode
    index = mode.value.data - 1 if isinstance(mode, IntegerAttr) else 0
    printer.print_string(f" failures({_MODES[index] if 0 <= index < 2 else 'propagate'}) (")
    printer.print_list(op.operands, printer.print_operand)
    printer.print_string(")")
    printer.print_op_attributes(op.attributes)
    _print_function(printer, op)
