"""Tiling-related transform ops of MLIR 22 (LinalgTransformOps.td) with syntax shapes the
generated table does not cover, which xDSL 0.74 lacks:

    %t, %loops:2 = transform.structured.fuse %h tile_sizes [16, %n] interchange [1, 0]
        : (!transform.any_op, !transform.param<i64>) -> (...)
    %m = transform.structured.transpose_matmul %h <rhs> : (!transform.any_op) -> ...
    %p = transform.structured.hoist_pad %h by 2 loops, transpose by [1, 0] : (...) -> ...
"""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    DenseArrayBase,
    FunctionType,
    IntegerAttr,
    i32,
    i64,
)
from xdsl.dialects.utils.dynamic_index_list import (
    parse_dynamic_index_list_without_types,
    print_dynamic_index_list,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.irdl import irdl_op_definition
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import consumed_end
from ir_studio.dialects.extensions.transform.handle_base import HandleOp, props

_TRANSPOSED = ("lhs", "rhs")  # linalg::TransposeMatmulInput


def ops() -> list[type[Operation]]:
    return [FuseOp, TransposeMatmulOp, HoistPadOp]


def _functional(parser: Parser, names: list[Any]) -> tuple[list[SSAValue], list[Attribute]]:
    """`: (T...) -> R...` for the operands named so far, resolved."""
    parser.parse_punctuation(":")
    function = parser.parse_function_type()
    if len(function.inputs) != len(names):
        raise VerifyException(f"number of operands and types do not match: got {len(names)} "
                              f"operands and {len(function.inputs)} types")
    operands = [parser.resolve_operand(n, t)
                for n, t in zip(names, function.inputs.data, strict=True)]
    return operands, list(function.outputs.data)


def _print_functional(printer: Printer, op: HandleOp) -> None:
    printer.print_string(" : ")
    printer.print_attribute(FunctionType.from_lists([v.type for v in op.handles],
                                                    [r.type for r in op.results]))


def _static(op: HandleOp, name: str) -> list[int]:
    values = op.properties.get(name)
    return list(values.get_values()) if isinstance(values, DenseArrayBase) else []


@irdl_op_definition
class FuseOp(HandleOp):
    """`%h [tile_sizes [...]] [interchange [...]] {...} : (T, S...) -> (R, L...)`; sizes
    and interchange may come from handles or parameters (operandSegmentSizes)."""

    name = "transform.structured.fuse"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("static_tile_sizes", "static_tile_interchange",
                                             "apply_cleanup", "use_forall",
                                             "operandSegmentSizes")
    locals().update(props(*PROPERTIES))

    def _groups(self) -> tuple[list[SSAValue], list[SSAValue]]:
        sizes = _static(self, "static_tile_sizes").count(DYNAMIC_INDEX)
        rest = list(self.handles[1:])
        return rest[:sizes], rest[sizes:]

    def verify_(self) -> None:
        if not self.handles or not self.results:
            raise VerifyException("expected a target handle and a transformed result")
        sizes = _static(self, "static_tile_sizes")
        interchange = _static(self, "static_tile_interchange")
        dynamic = sizes.count(DYNAMIC_INDEX) + interchange.count(DYNAMIC_INDEX)
        if dynamic != len(self.handles) - 1:
            raise VerifyException("expected as many dynamic sizes as size operands")

    @classmethod
    def parse(cls, parser: Parser) -> FuseOp:
        target = parser.parse_unresolved_operand()
        properties: dict[str, Attribute] = {}
        groups: dict[str, list[Any]] = {"tile_sizes": [], "interchange": []}
        while True:  # oilist: either group, in any order
            word = parser._current_token.text  # no public peek
            if word not in groups or f"static_{_PROPERTY[word]}" in properties:
                break
            parser.parse_keyword(word)
            values, static = parse_dynamic_index_list_without_types(
                parser, DYNAMIC_INDEX, delimiter=Parser.Delimiter.SQUARE)
            groups[word] = list(values)
            properties[f"static_{_PROPERTY[word]}"] = DenseArrayBase.from_list(i64,
                                                                               list(static))
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        names = [target, *groups["tile_sizes"], *groups["interchange"]]
        operands, results = _functional(parser, names)
        properties["operandSegmentSizes"] = DenseArrayBase.from_list(
            i32, [1, len(groups["tile_sizes"]), len(groups["interchange"])])
        return cls.create(operands=operands, result_types=results,
                          properties={**more, **properties}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        sizes, interchange = self._groups()
        for word, values in (("tile_sizes", sizes), ("interchange", interchange)):
            static = self.properties.get(f"static_{_PROPERTY[word]}")
            if isinstance(static, DenseArrayBase) and len(static.get_values()):
                printer.print_string(f" {word} ")
                print_dynamic_index_list(printer, DYNAMIC_INDEX, values, static.get_values())
        printer.print_op_attributes(self._print_attributes(
            ("static_tile_sizes", "static_tile_interchange", "operandSegmentSizes")))
        _print_functional(printer, self)


_PROPERTY = {"tile_sizes": "tile_sizes", "interchange": "tile_interchange"}


@irdl_op_definition
class TransposeMatmulOp(HandleOp):
    """`%h [<lhs|rhs>] {...} : (T) -> R` (inputToTranspose: an i32 case, lhs = 0)."""

    name = "transform.structured.transpose_matmul"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("inputToTranspose",)
    locals().update(props(*PROPERTIES))

    @classmethod
    def parse(cls, parser: Parser) -> TransposeMatmulOp:
        target = parser.parse_unresolved_operand()
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_punctuation("<") is not None:
            start = parser._current_token.span.start  # no public peek
            word = parser.parse_identifier()
            if word not in _TRANSPOSED:
                parser.raise_error("expected string or keyword containing one of the "
                                   "following enum values for attribute 'inputToTranspose' "
                                   "[lhs, rhs]", start, consumed_end(parser))
            parser.parse_punctuation(">")
            properties["inputToTranspose"] = IntegerAttr(_TRANSPOSED.index(word), i32)
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        operands, results = _functional(parser, [target])
        return cls.create(operands=operands, result_types=results,
                          properties={**more, **properties}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        which = self.properties.get("inputToTranspose")
        if isinstance(which, IntegerAttr) and 0 <= which.value.data < 2:
            printer.print_string(f" <{_TRANSPOSED[which.value.data]}>")
        printer.print_op_attributes(self._print_attributes(("inputToTranspose",)))
        _print_functional(printer, self)


@irdl_op_definition
class HoistPadOp(HandleOp):
    """`%h by N loops [, transpose by [...]] {...} : (T) -> R`"""

    name = "transform.structured.hoist_pad"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("num_loops", "transpose")
    locals().update(props(*PROPERTIES))

    def verify_(self) -> None:
        if self.properties.get("num_loops") is None:
            raise VerifyException("requires attribute 'num_loops'")

    @classmethod
    def parse(cls, parser: Parser) -> HoistPadOp:
        target = parser.parse_unresolved_operand()
        parser.parse_keyword("by")
        properties: dict[str, Attribute] = {
            "num_loops": IntegerAttr(parser.parse_integer(allow_boolean=False), i64)}
        parser.parse_keyword("loops")
        if parser.parse_optional_punctuation(",") is not None:
            parser.parse_keyword("transpose")
            parser.parse_keyword("by")
            values = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                       parser.parse_integer)
            properties["transpose"] = DenseArrayBase.from_list(i64, values)
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        operands, results = _functional(parser, [target])
        return cls.create(operands=operands, result_types=results,
                          properties={**more, **properties}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        loops = self.properties.get("num_loops")
        printer.print_string(f" by {loops.value.data if isinstance(loops, IntegerAttr) else 0}"
                             f" loops")
        transpose = _static(self, "transpose")
        if transpose:
            printer.print_string(f", transpose by [{', '.join(map(str, transpose))}]")
        printer.print_op_attributes(self._print_attributes(("num_loops", "transpose")))
        _print_functional(printer, self)
