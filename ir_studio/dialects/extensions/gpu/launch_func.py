"""`gpu.launch_func` as MLIR 22 writes it:

    gpu.launch_func async [%t] <%stream : !llvm.ptr> @kernels::@k clusters in (%a, %a, %a)
        blocks in (%g, %g, %g) threads in (%b, %b, %b) : i64
        dynamic_shared_memory_size %s args(%x : f32)

The launch sizes are `index` unless a type follows the thread sizes; the optional
`<%object : T>` is the stream or queue to launch on."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import gpu
from xdsl.dialects.builtin import IndexType, SymbolRefAttr, i32
from xdsl.ir import SSAValue
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.gpu.async_ops import parse_async, print_async


def _triple(parser: Parser, keyword: str) -> list[Any]:
    parser.parse_keyword(keyword)
    parser.parse_keyword("in")
    values = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                               parser.parse_unresolved_operand)
    if len(values) != 3:
        parser.raise_error(f"expected three {keyword} sizes (x, y, z)")
    return values


def parse_launch_func(cls: type[gpu.LaunchFuncOp], parser: Parser) -> gpu.LaunchFuncOp:
    is_async, dependencies = parse_async(parser)
    async_object: list[SSAValue] = []
    if parser.parse_optional_punctuation("<") is not None:
        name = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        async_object = [parser.resolve_operand(name, parser.parse_type())]
        parser.parse_punctuation(">")
    pos = parser.pos
    kernel = parser.parse_attribute()
    if not isinstance(kernel, SymbolRefAttr):
        parser.raise_error("expected the kernel's symbol, e.g. @module::@kernel", pos,
                           parser.pos)
    clusters = _triple(parser, "clusters") if parser._current_token.text == "clusters" else []
    grid, block = _triple(parser, "blocks"), _triple(parser, "threads")
    size_type = parser.parse_type() if parser.parse_optional_punctuation(":") else IndexType()
    shared = []
    if parser.parse_optional_keyword("dynamic_shared_memory_size") is not None:
        shared = [parser.resolve_operand(parser.parse_unresolved_operand(), i32)]
    arguments: list[SSAValue] = []
    if parser.parse_optional_keyword("args") is not None:
        def argument() -> SSAValue:
            operand = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            return parser.resolve_operand(operand, parser.parse_type())

        arguments = parser.parse_comma_separated_list(Parser.Delimiter.PAREN, argument)
    attributes = parser.parse_optional_attr_dict()
    sizes = [[parser.resolve_operand(v, size_type)] for v in (*grid, *block)]
    cluster_sizes = [[parser.resolve_operand(v, size_type)] for v in clusters] or [[], [], []]
    op = cls.build(
        operands=[dependencies, *sizes, *cluster_sizes, shared, arguments, async_object],
        result_types=[[gpu.AsyncTokenType()] if is_async else []],
        properties={"kernel": kernel}, attributes=attributes)
    return op


def _print_triple(printer: Printer, label: str, values: tuple[Any, ...]) -> None:
    printer.print_string(f" {label} (")
    printer.print_list(values, printer.print_operand)
    printer.print_string(")")


def print_launch_func(self: gpu.LaunchFuncOp, printer: Printer) -> None:
    print_async(printer, self.asyncToken, self.asyncDependencies)
    if self.asyncObject is not None:
        printer.print_string(" <")
        printer.print_operand(self.asyncObject)
        printer.print_string(" : ")
        printer.print_attribute(self.asyncObject.type)
        printer.print_string(">")
    printer.print_string(" ")
    printer.print_attribute(self.kernel)
    if self.clusterSizeX is not None:
        _print_triple(printer, "clusters in",
                      (self.clusterSizeX, self.clusterSizeY, self.clusterSizeZ))
    _print_triple(printer, "blocks in", (self.gridSizeX, self.gridSizeY, self.gridSizeZ))
    _print_triple(printer, "threads in", (self.blockSizeX, self.blockSizeY, self.blockSizeZ))
    if not isinstance(self.gridSizeX.type, IndexType):
        printer.print_string(" : ")
        printer.print_attribute(self.gridSizeX.type)
    if self.dynamicSharedMemorySize is not None:
        printer.print_string(" dynamic_shared_memory_size ")
        printer.print_operand(self.dynamicSharedMemorySize)
    if self.kernelOperands:
        printer.print_string(" args(")

        def typed(value: SSAValue) -> None:
            printer.print_operand(value)
            printer.print_string(" : ")
            printer.print_attribute(value.type)

        printer.print_list(self.kernelOperands, typed)
        printer.print_string(")")
    printer.print_op_attributes(self.attributes)
