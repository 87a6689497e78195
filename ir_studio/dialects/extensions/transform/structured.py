"""Tiling and fusion transform ops with keyword syntax, as MLIR 22 writes them:

    %tiled, %forall = transform.structured.tile_using_forall %op tile_sizes [4, %n]
        (mapping = [#gpu.block<x>]) : (!transform.any_op, !transform.any_param) -> (...)
    %fill, %split, %combine, %for = transform.structured.tile_reduction_using_for %op
        by tile_sizes = [0, 5] : (!transform.any_op) -> (...)
    %fused, %loop = transform.structured.fuse_into_containing_op %producer into %loop
        : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)

(xDSL 0.74's tile_using_forall has no syntax and constraints that reject every use; the
other two are absent.) Operand and result types come from the trailing function type."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    ArrayAttr,
    DenseArrayBase,
    FunctionType,
    IntegerAttr,
    i64,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser, UnresolvedOperand
from xdsl.printer import Printer


def ops() -> list[type[Operation]]:
    return [TileUsingForallOp, TileReductionUsingForOp, FuseIntoContainingOp]


def _mixed_list(parser: Parser) -> tuple[list[UnresolvedOperand], list[int]]:
    """`[4, %n, 8]`: the values, and the sizes with DYNAMIC_INDEX where a value stands."""
    values: list[UnresolvedOperand] = []
    sizes: list[int] = []

    def item() -> None:
        if parser._current_token.text.startswith("%"):  # no public peek
            values.append(parser.parse_unresolved_operand())
            sizes.append(DYNAMIC_INDEX)
        else:
            sizes.append(parser.parse_integer())

    parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, item)
    return values, sizes


def _print_mixed(printer: Printer, values: Any, sizes: DenseArrayBase | None) -> None:
    dynamic = iter(values)
    printer.print_string("[")
    for index, size in enumerate(sizes.get_values() if sizes is not None else ()):  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
        if index:
            printer.print_string(", ")
        if size == DYNAMIC_INDEX:
            printer.print_operand(next(dynamic))
        else:
            printer.print_string(str(size))
    printer.print_string("]")


def _function_type(parser: Parser, operand_count: int) -> FunctionType:
    parser.parse_punctuation(":")
    pos = parser.pos
    written = parser.parse_type()
    if not isinstance(written, FunctionType) or len(written.inputs) != operand_count:
        parser.raise_error(f"expected a function type with {operand_count} input(s)", pos,
                           parser.pos)
    return written


def _print_function_type(printer: Printer, op: Operation) -> None:
    printer.print_string(" : ")
    printer.print_attribute(FunctionType.from_lists([o.type for o in op.operands],
                                                    [r.type for r in op.results]))


@irdl_op_definition
class TileUsingForallOp(IRDLOperation):
    name = "transform.structured.tile_using_forall"
    target = operand_def()
    num_threads = var_operand_def()
    tile_sizes = var_operand_def()
    packed_num_threads = opt_operand_def()
    packed_tile_sizes = opt_operand_def()
    static_num_threads = opt_prop_def(DenseArrayBase)
    static_tile_sizes = opt_prop_def(DenseArrayBase)
    mapping = opt_prop_def(ArrayAttr)
    results_ = var_result_def()
    irdl_options = (AttrSizedOperandSegments(as_property=True),)

    @classmethod
    def parse(cls, parser: Parser) -> TileUsingForallOp:
        target = parser.parse_unresolved_operand()
        groups: dict[str, tuple[list[UnresolvedOperand], list[UnresolvedOperand]]] = {}
        properties: dict[str, Any] = {}
        while (keyword := parser.parse_optional_keyword("num_threads")
               or parser.parse_optional_keyword("tile_sizes")) is not None:
            if parser.parse_optional_punctuation("*") is not None:
                parser.parse_punctuation("(")
                groups[keyword] = ([], [parser.parse_unresolved_operand()])
                parser.parse_punctuation(")")
            else:
                values, sizes = _mixed_list(parser)
                groups[keyword] = (values, [])
                properties[f"static_{keyword}"] = DenseArrayBase.from_list(i64, sizes)
        if parser.parse_optional_punctuation("(") is not None:
            parser.parse_keyword("mapping")
            parser.parse_punctuation("=")
            properties["mapping"] = parser.parse_attribute()
            parser.parse_punctuation(")")
        attributes = parser.parse_optional_attr_dict()
        order = [[target], groups.get("num_threads", ([], []))[0],
                 groups.get("tile_sizes", ([], []))[0],
                 groups.get("num_threads", ([], []))[1], groups.get("tile_sizes", ([], []))[1]]
        function = _function_type(parser, sum(len(g) for g in order))
        types = iter(function.inputs.data)
        operands = [[parser.resolve_operand(o, next(types)) for o in group] for group in order]
        return cls.build(operands=[operands[0][0], *operands[1:]],
                         result_types=[list(function.outputs.data)],
                         properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        for keyword, values, packed, sizes in (
                ("num_threads", self.num_threads, self.packed_num_threads,
                 self.static_num_threads),
                ("tile_sizes", self.tile_sizes, self.packed_tile_sizes,
                 self.static_tile_sizes)):
            if packed is not None:
                printer.print_string(f" {keyword} *(")
                printer.print_operand(packed)
                printer.print_string(")")
            elif sizes is not None:
                printer.print_string(f" {keyword} ")
                _print_mixed(printer, values, sizes)
        if self.mapping is not None:
            printer.print_string(" (mapping = ")
            printer.print_attribute(self.mapping)
            printer.print_string(")")
        printer.print_op_attributes(self.attributes)
        _print_function_type(printer, self)


@irdl_op_definition
class TileReductionUsingForOp(IRDLOperation):
    name = "transform.structured.tile_reduction_using_for"
    target = operand_def()
    reduction_dims = opt_prop_def(ArrayAttr)  # I64ArrayAttr in MLIR
    tile_sizes = opt_prop_def(ArrayAttr)
    results_ = var_result_def()

    @classmethod
    def parse(cls, parser: Parser) -> TileReductionUsingForOp:
        target = parser.parse_unresolved_operand()
        properties: dict[str, Any] = {}
        for keyword in ("reduction_dims", "tile_sizes"):
            if keyword == "tile_sizes":
                parser.parse_keyword("by")
                parser.parse_keyword("tile_sizes")
            elif parser.parse_optional_keyword(keyword) is None:
                continue
            parser.parse_punctuation("=")
            numbers = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                        parser.parse_integer)
            properties[keyword] = ArrayAttr([IntegerAttr(n, i64) for n in numbers])
        attributes = parser.parse_optional_attr_dict()
        function = _function_type(parser, 1)
        return cls.build(operands=[parser.resolve_operand(target, function.inputs.data[0])],
                         result_types=[list(function.outputs.data)],
                         properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        if self.reduction_dims is not None:
            printer.print_string(f" reduction_dims = {_integers(self.reduction_dims)}")
        sizes = _integers(self.tile_sizes) if self.tile_sizes is not None else []
        printer.print_string(f" by tile_sizes = {sizes}")
        printer.print_op_attributes(self.attributes)
        _print_function_type(printer, self)


def _integers(array: ArrayAttr) -> list[int]:
    return [a.value.data for a in array.data if isinstance(a, IntegerAttr)]


@irdl_op_definition
class FuseIntoContainingOp(IRDLOperation):
    name = "transform.structured.fuse_into_containing_op"
    producer_op = operand_def()
    containing_op = operand_def()
    results_ = var_result_def()

    @classmethod
    def parse(cls, parser: Parser) -> FuseIntoContainingOp:
        producer = parser.parse_unresolved_operand()
        parser.parse_keyword("into")
        container = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        function = _function_type(parser, 2)
        inputs = function.inputs.data
        return cls.build(operands=[parser.resolve_operand(producer, inputs[0]),
                                   parser.resolve_operand(container, inputs[1])],
                         result_types=[list(function.outputs.data)], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.producer_op)
        printer.print_string(" into ")
        printer.print_operand(self.containing_op)
        printer.print_op_attributes(self.attributes)
        _print_function_type(printer, self)
