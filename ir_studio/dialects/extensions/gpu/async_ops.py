"""gpu async tokens (`async [%t0, %t1]`) and the memory and synchronisation ops that
carry them (`alloc`, `dealloc`, `memcpy`, `wait`), in MLIR's custom syntax; xDSL 0.74
has them in generic form only."""


from __future__ import annotations

from typing import Any

from xdsl.dialects import gpu
from xdsl.dialects.builtin import IndexType
from xdsl.ir import SSAValue
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import (
    attach_syntax,
    parse_index_operands,
    segment_sizes_when_missing,
)

_SEGMENTS = ("operandSegmentSizes",)  # an attribute, not a property, on dealloc/memcpy


def install_memory_ops() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    attach_syntax(gpu.AllocOp, _parse_alloc, _print_alloc)
    attach_syntax(gpu.DeallocOp, _parse_dealloc, _print_dealloc)
    attach_syntax(gpu.MemcpyOp, _parse_memcpy, _print_memcpy)
    attach_syntax(gpu.WaitOp, _parse_wait, _print_wait)
    # MLIR's memcpy/dealloc have one variadic group (the async dependencies) and so no
    # operandSegmentSizes, which xDSL's versions require: mlir-opt's generic form leaves
    # it out.
    segment_sizes_when_missing(gpu.MemcpyOp, lambda operands: [len(operands) - 2, 1, 1])
    segment_sizes_when_missing(gpu.DeallocOp, lambda operands: [len(operands) - 1, 1])


# --- async tokens: `async [%t0, %t1]` ----------------------------------------------------

def parse_async(parser: Parser) -> tuple[bool, list[SSAValue]]:
    is_async = parser.parse_optional_keyword("async") is not None
    dependencies = parser.parse_optional_comma_separated_list(
        Parser.Delimiter.SQUARE,
        lambda: parser.resolve_operand(parser.parse_unresolved_operand(),
                                       gpu.AsyncTokenType()))
    return is_async, list(dependencies or [])


def print_async(printer: Printer, token: Any, dependencies: Any) -> None:
    if token is not None:
        printer.print_string(" async")
    if dependencies:
        printer.print_string(" [")
        printer.print_list(dependencies, printer.print_operand)
        printer.print_string("]")


# --- memory and synchronisation ----------------------------------------------------------

def _parse_alloc(cls: type[gpu.AllocOp], parser: Parser) -> gpu.AllocOp:
    is_async, dependencies = parse_async(parser)
    host_shared = parser.parse_optional_keyword("host_shared") is not None
    sizes = parse_index_operands(parser)
    symbols: list[Any] = []
    if parser._current_token.text == "[":  # no public peek; `[%s]`: the layout's symbols
        symbols = parser.parse_comma_separated_list(
            Parser.Delimiter.SQUARE,
            lambda: parser.resolve_operand(parser.parse_unresolved_operand(), IndexType()))
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    memref_type = parser.parse_type()
    op = cls(memref_type, sizes, host_shared, dependencies, is_async)  # pyright: ignore[reportArgumentType]  # the op's verifier reports a non-memref type
    if symbols:
        op = cls.build(operands=[list(op.asyncDependencies), list(op.dynamicSizes), symbols],
                       result_types=[memref_type, [r.type for r in op.results[1:]]],
                       properties=dict(op.properties))
    op.attributes |= attributes
    return op


def _print_alloc(self: gpu.AllocOp, printer: Printer) -> None:
    print_async(printer, self.asyncToken, self.asyncDependencies)
    if self.hostShared is not None:
        printer.print_string(" host_shared")
    printer.print_string(" (")
    printer.print_list(self.dynamicSizes, printer.print_operand)
    printer.print_string(")")
    if self.symbolOperands:
        printer.print_string("[")
        printer.print_list(self.symbolOperands, printer.print_operand)
        printer.print_string("]")
    printer.print_op_attributes(self.attributes)
    printer.print_string(" : ")
    printer.print_attribute(self.result.type)


def _parse_dealloc(cls: type[gpu.DeallocOp], parser: Parser) -> gpu.DeallocOp:
    is_async, dependencies = parse_async(parser)
    buffer = parser.parse_unresolved_operand()
    attributes = parser.parse_optional_attr_dict()
    parser.parse_punctuation(":")
    op = cls(parser.resolve_operand(buffer, parser.parse_type()), dependencies, is_async)
    op.attributes |= attributes
    return op


def _print_dealloc(self: gpu.DeallocOp, printer: Printer) -> None:
    print_async(printer, self.asyncToken, self.asyncDependencies)
    printer.print_string(" ")
    printer.print_operand(self.buffer)
    printer.print_op_attributes(self.attributes, reserved_attr_names=_SEGMENTS)
    printer.print_string(" : ")
    printer.print_attribute(self.buffer.type)


def _parse_memcpy(cls: type[gpu.MemcpyOp], parser: Parser) -> gpu.MemcpyOp:
    is_async, dependencies = parse_async(parser)
    destination = parser.parse_unresolved_operand()
    parser.parse_punctuation(",")
    source = parser.parse_unresolved_operand()
    parser.parse_punctuation(":")
    destination_type = parser.parse_type()
    parser.parse_punctuation(",")
    source_type = parser.parse_type()
    attributes = parser.parse_optional_attr_dict()
    op = cls(source=parser.resolve_operand(source, source_type),
             destination=parser.resolve_operand(destination, destination_type),
             async_dependencies=dependencies, is_async=is_async)
    op.attributes |= attributes
    return op


def _print_memcpy(self: gpu.MemcpyOp, printer: Printer) -> None:
    print_async(printer, self.asyncToken, self.asyncDependencies)
    printer.print_string(" ")
    printer.print_operand(self.dst)
    printer.print_string(", ")
    printer.print_operand(self.src)
    printer.print_string(" : ")
    printer.print_attribute(self.dst.type)
    printer.print_string(", ")
    printer.print_attribute(self.src.type)
    printer.print_op_attributes(self.attributes, reserved_attr_names=_SEGMENTS)


def _parse_wait(cls: type[gpu.WaitOp], parser: Parser) -> gpu.WaitOp:
    is_async, dependencies = parse_async(parser)
    attributes = parser.parse_optional_attr_dict()
    return cls.create(operands=dependencies, attributes=attributes,
                      result_types=[gpu.AsyncTokenType()] if is_async else [])


def _print_wait(self: gpu.WaitOp, printer: Printer) -> None:
    print_async(printer, self.asyncToken, self.asyncDependencies)
    printer.print_op_attributes(self.attributes)

