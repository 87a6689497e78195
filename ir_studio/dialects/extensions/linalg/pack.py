"""`linalg.pack` and `linalg.unpack` (MLIR 22 moved them from tensor to linalg; xDSL 0.74
has neither):

    %p = linalg.pack %src padding_value(%zero : f32) outer_dims_perm = [1, 0]
        inner_dims_pos = [0, 1] inner_tiles = [8, %t] into %dest
        : tensor<13x15xf32> -> tensor<2x2x8x8xf32>
    %u = linalg.unpack %p inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %out
        : tensor<2x2x8x8xf32> -> tensor<13x15xf32>
"""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects.builtin import DYNAMIC_INDEX, DenseArrayBase, IndexType, TensorType, i64
from xdsl.ir import Operation
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException


def ops() -> list[type[Operation]]:
    return [PackOp, UnPackOp]


def _integers(parser: Parser, keyword: str) -> DenseArrayBase:
    parser.parse_keyword(keyword)
    parser.parse_punctuation("=")
    return DenseArrayBase.from_list(
        i64, parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer))


class _RelayoutOp(IRDLOperation):
    PACKS: ClassVar[bool] = True
    outer_dims_perm = opt_prop_def(DenseArrayBase)
    inner_dims_pos = prop_def(DenseArrayBase)
    static_inner_tiles = prop_def(DenseArrayBase)
    result = result_def(TensorType)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        source = parser.parse_unresolved_operand()
        padding: list[Any] = []
        if cls.PACKS and parser.parse_optional_keyword("padding_value") is not None:
            parser.parse_punctuation("(")
            value = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            padding = [parser.resolve_operand(value, parser.parse_type())]
            parser.parse_punctuation(")")
        properties: dict[str, Any] = {}
        if parser._current_token.text == "outer_dims_perm":  # no public peek
            properties["outer_dims_perm"] = _integers(parser, "outer_dims_perm")
        properties["inner_dims_pos"] = _integers(parser, "inner_dims_pos")
        parser.parse_keyword("inner_tiles")
        parser.parse_punctuation("=")
        tiles: list[Any] = []
        sizes: list[int] = []

        def tile() -> None:
            if parser._current_token.text.startswith("%"):
                tiles.append(parser.resolve_operand(parser.parse_unresolved_operand(),
                                                    IndexType()))
                sizes.append(DYNAMIC_INDEX)
            else:
                sizes.append(parser.parse_integer())

        parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, tile)
        properties["static_inner_tiles"] = DenseArrayBase.from_list(i64, sizes)
        parser.parse_keyword("into")
        dest = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_punctuation("->")
        dest_type = parser.parse_type()
        operands = [parser.resolve_operand(source, source_type),
                    parser.resolve_operand(dest, dest_type)]
        groups = [*operands, padding, tiles] if cls.PACKS else [*operands, tiles]
        return cls.build(operands=groups, result_types=[dest_type], properties=properties,
                         attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.source)  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
        padding = self.padding_value if isinstance(self, PackOp) else None
        if padding is not None:
            printer.print_string(" padding_value(")
            printer.print_operand(padding)
            printer.print_string(" : ")
            printer.print_attribute(padding.type)
            printer.print_string(")")
        if self.outer_dims_perm is not None:
            printer.print_string(f" outer_dims_perm = {list(self.outer_dims_perm.get_values())}")  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
        printer.print_string(f" inner_dims_pos = {list(self.inner_dims_pos.get_values())}")  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
        printer.print_string(" inner_tiles = [")
        tiles = iter(self.inner_tiles)  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
        for index, size in enumerate(self.static_inner_tiles.get_values()):  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
            printer.print_string(", " if index else "")
            if size == DYNAMIC_INDEX:
                printer.print_operand(next(tiles))
            else:
                printer.print_string(str(size))
        printer.print_string("] into ")
        printer.print_operand(self.dest)  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
        printer.print_string(" -> ")
        printer.print_attribute(self.dest.type)  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field

    def verify_(self) -> None:
        packed, unpacked = ((self.dest.type, self.source.type) if self.PACKS  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
                            else (self.source.type, self.dest.type))  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
        positions = list(self.inner_dims_pos.get_values())  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
        rank = len(unpacked.get_shape())
        if len(self.static_inner_tiles.get_values()) != len(positions):  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
            raise VerifyException("the number of inner tiles must match the number of "
                                  "inner_dims_pos")
        if any(not 0 <= p < rank for p in positions) or len(set(positions)) != len(positions):
            raise VerifyException("invalid inner_dims_pos vector")
        perm = list(self.outer_dims_perm.get_values()) if self.outer_dims_perm else []  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
        if perm and sorted(perm) != list(range(rank)):
            raise VerifyException("invalid outer_dims_perm vector")
        if len(packed.get_shape()) != rank + len(positions):
            raise VerifyException(f"packed rank != (unpacked rank + num tiling factors), got "
                                  f"{len(packed.get_shape())} != {rank + len(positions)}")
        if self.result.type != self.dest.type:  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
            raise VerifyException("expected the result type to be the destination type")


@irdl_op_definition
class PackOp(_RelayoutOp):
    name = "linalg.pack"
    source = operand_def(TensorType)  # MLIR's operand order: source, dest, padding, tiles
    dest = operand_def(TensorType)
    padding_value = opt_operand_def()
    inner_tiles = var_operand_def(IndexType)
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    PACKS: ClassVar[bool] = True


@irdl_op_definition
class UnPackOp(_RelayoutOp):
    name = "linalg.unpack"
    source = operand_def(TensorType)
    dest = operand_def(TensorType)
    inner_tiles = var_operand_def(IndexType)
    PACKS: ClassVar[bool] = False
