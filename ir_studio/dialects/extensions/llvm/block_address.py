"""Addresses of basic blocks, which xDSL 0.74 lacks: `llvm.blocktag` names a block,
`llvm.blockaddress` takes its address and `llvm.indirectbr` jumps to one.

    %a = llvm.blockaddress <function = @f, tag = <id = 1>> : !llvm.ptr
    llvm.indirectbr %a : !llvm.ptr, [
      ^bb1(%x : i32),
      ^bb2
    ]
  ^bb1(%y: i32):
    llvm.blocktag <id = 1>

The attributes `#llvm.blocktag<id = N>` and `#llvm.blockaddress<function = @f, tag =
<id = N>>` are MLIR's, so the generic form reads and prints as mlir-opt's does. Whether
the referenced function has the tag is a symbol check (ir_studio.symbols), since the
function may be another top-level item."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xdsl.dialects import llvm
from xdsl.dialects.builtin import DenseArrayBase, IntAttr, SymbolRefAttr, i32
from xdsl.ir import Attribute, Block, Operation, ParametrizedAttribute, SSAValue
from xdsl.irdl import (
    IRDLOperation,
    irdl_attr_definition,
    irdl_op_definition,
    operand_def,
    param_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
    var_successor_def,
)
from xdsl.parser import AttrParser, Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator, Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    consumed_end,
    parse_successor_with_operands,
    print_successor_with_operands,
)


def ops() -> list[type[Operation]]:
    return [BlockTagOp, BlockAddressOp, IndirectBrOp]


def attributes() -> list[type[Attribute]]:
    return [BlockTagAttr, BlockAddressAttr]


def _parse_tag_body(parser: AttrParser) -> int:
    parser.parse_punctuation("<")
    parser.parse_keyword("id")
    parser.parse_punctuation("=")
    start = parser.pos
    number = parser.parse_integer(allow_boolean=False)
    if not 0 <= number < 2**32:
        parser.raise_error("block tag id must fit in 32 bits", start, consumed_end(parser))  # pyright: ignore[reportArgumentType]  # AttrParser is always a Parser here
    parser.parse_punctuation(">")
    return number


@irdl_attr_definition
class BlockTagAttr(ParametrizedAttribute):
    """`#llvm.blocktag<id = 1>`"""

    name = "llvm.blocktag"
    id: IntAttr = param_def()

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        return [IntAttr(_parse_tag_body(parser))]

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string(f"<id = {self.id.data}>")


@irdl_attr_definition
class BlockAddressAttr(ParametrizedAttribute):
    """`#llvm.blockaddress<function = @f, tag = <id = 1>>`"""

    name = "llvm.blockaddress"
    function: SymbolRefAttr = param_def()
    tag: BlockTagAttr = param_def()

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        return list(_parse_address(parser))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("<function = ")
        printer.print_attribute(self.function)
        printer.print_string(f", tag = <id = {self.tag.id.data}>>")


def _parse_address(parser: AttrParser) -> tuple[SymbolRefAttr, BlockTagAttr]:
    parser.parse_punctuation("<")
    parser.parse_keyword("function")
    parser.parse_punctuation("=")
    start = parser.pos
    function = parser.parse_attribute()
    if not isinstance(function, SymbolRefAttr) or function.nested_references.data:
        parser.raise_error("expected a flat symbol reference", start,
                           consumed_end(parser))  # pyright: ignore[reportArgumentType]  # AttrParser is always a Parser here
    parser.parse_punctuation(",")
    parser.parse_keyword("tag")
    parser.parse_punctuation("=")
    tag = BlockTagAttr(IntAttr(_parse_tag_body(parser)))
    parser.parse_punctuation(">")
    return function, tag


@irdl_op_definition
class BlockTagOp(IRDLOperation):
    """`llvm.blocktag <id = 1>`"""

    name = "llvm.blocktag"
    tag = prop_def(BlockTagAttr)

    @classmethod
    def parse(cls, parser: Parser) -> BlockTagOp:
        tag = BlockTagAttr(IntAttr(_parse_tag_body(parser)))
        return cls.create(properties={"tag": tag},
                          attributes=dict(parser.parse_optional_attr_dict()))

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        self.tag.print_parameters(printer)
        printer.print_op_attributes(self.attributes)


@irdl_op_definition
class BlockAddressOp(IRDLOperation):
    """`llvm.blockaddress <function = @f, tag = <id = 1>> : !llvm.ptr`"""

    name = "llvm.blockaddress"
    block_addr = prop_def(BlockAddressAttr)
    res = result_def(llvm.LLVMPointerType)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> BlockAddressOp:
        function, tag = _parse_address(parser)
        attributes = dict(parser.parse_optional_attr_dict())
        parser.parse_punctuation(":")
        return cls.create(properties={"block_addr": BlockAddressAttr(function, tag)},
                          result_types=[parser.parse_type()], attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        self.block_addr.print_parameters(printer)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.res.type)


@irdl_op_definition
class IndirectBrOp(IRDLOperation):
    """`llvm.indirectbr %addr : !llvm.ptr, [^bb1(%a : i32), ^bb2]`"""

    name = "llvm.indirectbr"
    addr = operand_def(llvm.LLVMPointerType)
    succOperands = var_operand_def()
    indbr_operand_segments = prop_def(DenseArrayBase.constr(i32))
    destinations = var_successor_def()
    traits = traits_def(IsTerminator(), Pure())

    @classmethod
    def parse(cls, parser: Parser) -> IndirectBrOp:
        addr = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        addr_type = parser.parse_type()
        parser.parse_punctuation(",")
        targets: list[tuple[Block, list[SSAValue]]] = []
        parser.parse_comma_separated_list(
            Parser.Delimiter.SQUARE, lambda: targets.append(parse_successor_with_operands(parser)))
        attributes = dict(parser.parse_optional_attr_dict())
        segments: Any = attributes.pop("indbr_operand_segments", None)
        if not isinstance(segments, DenseArrayBase):
            segments = DenseArrayBase.from_list(i32, [len(values) for _, values in targets])
        return cls.create(
            operands=[parser.resolve_operand(addr, addr_type),
                      *(v for _, values in targets for v in values)],
            successors=[block for block, _ in targets],
            properties={"indbr_operand_segments": segments}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.addr)
        printer.print_string(" : ")
        printer.print_attribute(self.addr.type)
        printer.print_string(", [")
        values = list(self.succOperands)
        start = 0
        sizes = list(self.indbr_operand_segments.get_values())
        with printer.indented():
            for index, block in enumerate(self.destinations):
                size = sizes[index] if index < len(sizes) else 0
                printer.print_string(",\n" if index else "\n")
                print_successor_with_operands(printer, block, values[start: start + size])
                start += size
        printer.print_string("\n]" if len(self.destinations) else "]")
        printer.print_op_attributes(self.attributes)

    def verify_(self) -> None:
        sizes = list(self.indbr_operand_segments.get_values())
        if len(sizes) != len(self.destinations) or sum(sizes) != len(self.succOperands) \
                or any(size < 0 for size in sizes):
            raise VerifyException("'indbr_operand_segments' does not match the successors "
                                  "and their operands")
