"""`affine.max`, which xDSL 0.74 lacks (it has `affine.min`)."""

from __future__ import annotations

from xdsl.dialects.affine import MinOp as AffineMinOp
from xdsl.dialects.builtin import AffineMapAttr, IndexType
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.traits import Pure

from ir_studio.dialects.upstream_syntax.formats import consumed_end


def install() -> None:
    """Nothing to patch: the op joins affine through `extra_ops`."""


def extra_ops(dialect: str) -> list[type[Operation]]:
    return [AffineMaxOp] if dialect == "affine" else []


@irdl_op_definition
class AffineMaxOp(IRDLOperation):
    """`affine.max #map(%dims)[%symbols]`: the largest result of the map (affine.min's
    twin, which xDSL has)."""

    name = "affine.max"
    arguments = var_operand_def(IndexType())
    result = result_def(IndexType())
    map = prop_def(AffineMapAttr)
    traits = traits_def(Pure())

    verify_ = AffineMinOp.verify_
    print = AffineMinOp.print

    @classmethod
    def parse(cls, parser: Parser) -> AffineMaxOp:
        start = parser.pos
        affine_map = parser.parse_attribute()
        if not isinstance(affine_map, AffineMapAttr):
            parser.raise_error("expected an affine map", start, consumed_end(parser))
        index = IndexType()
        dims = parser.parse_optional_comma_separated_list(
            Parser.Delimiter.PAREN, lambda: parser.parse_operand(index)) or []
        symbols = parser.parse_optional_comma_separated_list(
            Parser.Delimiter.SQUARE, lambda: parser.parse_operand(index)) or []
        return cls.create(operands=[*dims, *symbols], result_types=[index],
                          properties={"map": affine_map},
                          attributes=parser.parse_optional_attr_dict())
