"""`linalg.contract` and `linalg.elementwise`, MLIR 22's structured ops with the maps or
the function written at the use, which xDSL 0.74 lacks:

    %c = linalg.contract indexing_maps = [#a, #b, #c] ins(%x, %y : ...) outs(%z : ...)
    %e = linalg.elementwise kind=#linalg.elementwise_kind<add> ins(%x, %y : ...) outs(...)

Loops of a contraction: the dims its result map uses are parallel, the rest reductions;
elementwise ops default to identity maps of the output's rank. The hidden bodies are
MLIR's (multiply-accumulate; the named function) for the structured-op checks and the
generic form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, ShapedType, UnregisteredAttr
from xdsl.dialects.linalg.attrs import IteratorTypeAttr
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineMap
from xdsl.irdl import irdl_op_definition, opt_prop_def, prop_def
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.linalg.generated import (
    BodyError,
    GeneratedNamedOp,
    build_body,
)
from ir_studio.dialects.extensions.linalg.named_table import SPECS

UNARY = ("exp", "log", "abs", "ceil", "floor", "negf", "reciprocal", "round", "sqrt", "rsqrt",
         "square", "tanh", "erf")
BINARY = ("add", "sub", "mul", "div", "div_unsigned", "max_signed", "min_signed",
          "max_unsigned", "min_unsigned", "powf")


def ops() -> list[type[Operation]]:
    return [ContractOp, ElementwiseOp]


def _parse_maps(parser: Parser) -> ArrayAttr[AffineMapAttr]:
    parser.parse_punctuation("=")
    pos = parser.pos
    maps = parser.parse_attribute()
    if not isinstance(maps, ArrayAttr) or not all(isinstance(m, AffineMapAttr)
                                                  for m in maps.data):
        parser.raise_error("expected a list of affine maps", pos, parser.pos)
    return maps


@irdl_op_definition
class ContractOp(GeneratedNamedOp):
    name = "linalg.contract"
    SPEC: ClassVar[dict[str, Any]] = {**SPECS["matvec"], "window": 0}
    indexing_maps = prop_def(ArrayAttr[AffineMapAttr])
    cast = opt_prop_def(Attribute)

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        parser.parse_keyword("indexing_maps")
        maps = _parse_maps(parser)
        op = super().parse(parser)
        op.properties["indexing_maps"] = maps
        return op

    def print(self, printer: Printer) -> None:
        printer.print_string(" indexing_maps = ")
        printer.print_attribute(self.indexing_maps)
        super().print(printer)

    def get_default_indexing_maps(self) -> Sequence[AffineMap]:
        return tuple(m.data for m in self.indexing_maps.data)

    def get_iterator_types(self) -> ArrayAttr[IteratorTypeAttr]:
        maps = self.get_default_indexing_maps()
        if not maps:
            return ArrayAttr([])
        used = {e.position for e in maps[-1].results if isinstance(e, AffineDimExpr)}
        return ArrayAttr([IteratorTypeAttr.parallel() if d in used
                          else IteratorTypeAttr.reduction() for d in range(maps[0].num_dims)])

    def verify_(self) -> None:
        maps = self.get_default_indexing_maps()
        if len(maps) != len(self.operands):
            raise VerifyException(f"expected {len(self.operands)} indexing maps, got "
                                  f"{len(maps)}")
        if len({m.num_dims for m in maps}) > 1:
            raise VerifyException("expected all indexing maps to have the same number of "
                                  "dimensions")
        super(GeneratedNamedOp, self).verify_()


def _kind(attr: Attribute) -> str:
    if isinstance(attr, UnregisteredAttr):
        return attr.value.data.strip("<> ")
    return ""


def _body(kind: str, inputs: Sequence[SSAValue], outputs: Sequence[SSAValue]) -> Region:
    """MLIR's body for the function `kind` on the operands' element types."""
    if kind in UNARY:
        steps: tuple[tuple[str, ...], ...] = (("v1", "unary", kind, "a0"),)
    elif kind in BINARY:
        steps = (("v1", "binary", kind, "a0", "a1"),)
    elif kind == "select":
        steps = (("v1", "ternary", "select", "a0", "a1", "a2"),)
    else:
        raise BodyError(f"unknown elementwise kind '{kind}'")
    arity = len(steps[0]) - 3
    if len(inputs) != arity or len(outputs) != 1:
        raise BodyError(f"expected {arity} inputs and 1 output for '{kind}'")
    types = GeneratedNamedOp.body_arg_types((*inputs, *outputs))
    return build_body({"body": steps, "yields": ("v1",)}, types)


@irdl_op_definition
class ElementwiseOp(GeneratedNamedOp):
    name = "linalg.elementwise"
    kind = prop_def(Attribute)
    indexing_maps = opt_prop_def(ArrayAttr[AffineMapAttr])

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        parser.parse_keyword("kind")
        parser.parse_punctuation("=")
        pos = parser.pos
        kind = parser.parse_attribute()
        if _kind(kind) not in (*UNARY, *BINARY, "select"):
            parser.raise_error("expected an elementwise kind such as "
                               "#linalg.elementwise_kind<add>", pos, parser.pos)
        maps = None
        if parser.parse_optional_keyword("indexing_maps") is not None:
            maps = _parse_maps(parser)
        op = super().parse(parser)  # with an empty body: the kind picks the real one
        try:
            body = _body(_kind(kind), op.inputs, op.outputs)
        except BodyError as error:
            parser.raise_error(str(error), pos, parser.pos)
        region = op.regions[0]
        for block in list(region.blocks):
            region.detach_block(block)
        region.add_block(body.detach_block(body.block))
        op.properties["kind"] = kind
        # MLIR's parser materialises the default maps; its generic form needs them
        op.properties["indexing_maps"] = maps if maps is not None else ArrayAttr(
            [AffineMapAttr(m) for m in op.get_default_indexing_maps()])
        return op

    @classmethod
    def get_hidden_region(cls, inputs: Sequence[SSAValue],
                          outputs: Sequence[SSAValue]) -> Region:
        return Region(Block())

    def print(self, printer: Printer) -> None:
        printer.print_string(" kind=")
        printer.print_attribute(self.kind)
        maps = self.properties.pop("indexing_maps", None)
        kind = self.properties.pop("kind")
        try:
            written = tuple(m.data for m in maps.data) if isinstance(maps, ArrayAttr) else None
            if written is not None and written != self.get_default_indexing_maps():
                printer.print_string(" indexing_maps = ")
                printer.print_attribute(maps)  # pyright: ignore[reportArgumentType]  # an ArrayAttr when `written` is set
            super().print(printer)
        finally:
            self.properties["kind"] = kind
            if maps is not None:
                self.properties["indexing_maps"] = maps

    def get_default_indexing_maps(self) -> Sequence[AffineMap]:
        if self.indexing_maps is not None:
            return tuple(m.data for m in self.indexing_maps.data)
        output = self.outputs[0].type if self.outputs else None
        rank = len(output.get_shape()) if isinstance(output, ShapedType) else 0
        return (AffineMap.identity(rank),) * len(self.operands)

    def get_iterator_types(self) -> ArrayAttr[IteratorTypeAttr]:
        rank = self.get_default_indexing_maps()[-1].num_dims
        return ArrayAttr([IteratorTypeAttr.parallel()] * rank)

    def verify_(self) -> None:
        super(GeneratedNamedOp, self).verify_()
