"""`vector.contract`, which xDSL 0.74 lacks: MLIR's syntax (the trait attributes in a
leading dictionary) and the checks that catch real mistakes (map count and arity, one
map result per operand dimension, loop sizes that agree, an accumulator shaped by the
parallel loops)."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, StringAttr, VectorType
from xdsl.dialects.vector import CombiningKindAttr, CombiningKindFlag
from xdsl.ir import Operation
from xdsl.ir.affine import AffineDimExpr
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_dict_or_alias

_TRAIT_NAMES = ("indexing_maps", "iterator_types", "kind")


def ops() -> list[type[Operation]]:
    return [ContractionOp]


@irdl_op_definition
class ContractionOp(IRDLOperation):
    name = "vector.contract"
    lhs = operand_def(VectorType)
    rhs = operand_def(VectorType)
    acc = operand_def(AnyAttr())
    result = result_def(AnyAttr())
    indexing_maps = prop_def(ArrayAttr[AffineMapAttr])
    iterator_types = prop_def(ArrayAttr)  # "parallel", or #vector.iterator_type<parallel>
    kind = prop_def(CombiningKindAttr)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        maps = [m.data for m in self.indexing_maps.data]
        loops = [_iterator_name(kind).data for kind in self.iterator_types.data]
        if len(maps) != 3:
            raise VerifyException("expected an indexing map for each vector operand")
        if any(kind not in ("parallel", "reduction") for kind in loops):
            raise VerifyException("expected iterator types 'parallel' or 'reduction'")
        if self.acc.type != self.result.type:
            raise VerifyException("expected accumulator type to match the result type")
        sizes: dict[int, int] = {}
        for index, (value, indexing_map) in enumerate(
                zip((self.lhs, self.rhs, self.acc), maps, strict=True)):
            if indexing_map.num_dims != len(loops) or indexing_map.num_symbols:
                raise VerifyException(f"expected indexing map {index} to have {len(loops)} "
                                      "number of inputs")
            shape = tuple(value.type.get_shape()) if isinstance(value.type, VectorType) else ()
            if len(indexing_map.results) != len(shape):
                raise VerifyException(f"expected indexing map {index} to have {len(shape)} "
                                      "number of outputs")
            for dim, expr in zip(shape, indexing_map.results, strict=True):
                if not isinstance(expr, AffineDimExpr):
                    raise VerifyException(f"expected indexing map {index} to be a projected "
                                          "permutation of its inputs")
                known = sizes.setdefault(expr.position, dim)
                if known != dim:
                    raise VerifyException(f"invalid contraction: loop {expr.position} has "
                                          f"size {known} and {dim}")
        acc_dims = {expr.position for expr in maps[2].results if isinstance(expr, AffineDimExpr)}
        parallel = {i for i, kind in enumerate(loops) if kind == "parallel"}
        if acc_dims != parallel:
            raise VerifyException("invalid accumulator/result vector shape: it must be indexed "
                                  "by exactly the parallel loops")

    @classmethod
    def parse(cls, parser: Parser) -> ContractionOp:
        start = parser.pos
        traits = parse_dict_or_alias(parser)
        missing = [name for name in _TRAIT_NAMES[:2] if name not in traits]
        if missing:
            parser.raise_error(f"expected {' and '.join(missing)} in the leading dictionary",
                               start, parser.pos)
        iterators = traits["iterator_types"]
        if isinstance(iterators, ArrayAttr):
            traits["iterator_types"] = ArrayAttr([_iterator_name(a) for a in iterators.data])
        traits.setdefault("kind", CombiningKindAttr(CombiningKindFlag.ADD))
        operands = [parser.parse_unresolved_operand()]
        for _ in range(2):
            parser.parse_punctuation(",")
            operands.append(parser.parse_unresolved_operand())
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        lhs_type = parser.parse_type()
        parser.parse_punctuation(",")
        rhs_type = parser.parse_type()
        parser.parse_keyword("into")
        acc_type = parser.parse_type()
        resolved = [parser.resolve_operand(o, t)
                    for o, t in zip(operands, (lhs_type, rhs_type, acc_type), strict=True)]
        properties = {name: traits.pop(name) for name in _TRAIT_NAMES}
        return cls.create(operands=resolved, result_types=[acc_type], properties=properties,
                          attributes={**traits, **attributes})

    def print(self, printer: Printer) -> None:
        printer.print_string(" {indexing_maps = ")
        printer.print_attribute(self.indexing_maps)
        printer.print_string(", iterator_types = [")
        printer.print_list([_iterator_name(a) for a in self.iterator_types.data],
                           printer.print_attribute)
        printer.print_string("], kind = ")
        printer.print_attribute(self.kind)
        printer.print_string("} ")
        printer.print_list(self.operands, printer.print_operand)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.lhs.type)
        printer.print_string(", ")
        printer.print_attribute(self.rhs.type)
        printer.print_string(" into ")
        printer.print_attribute(self.acc.type)


def _iterator_name(attr: Any) -> StringAttr:
    """`"parallel"`, or the opaque `#vector.iterator_type<parallel>` of the generic form."""
    if isinstance(attr, StringAttr):
        return attr
    text = str(attr)
    return StringAttr(text[text.find("<") + 1: text.rfind(">")] if "<" in text else text)
