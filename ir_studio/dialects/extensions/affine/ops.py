"""affine ops xDSL 0.74 lacks: `affine.max` (it has `affine.min`),
`affine.delinearize_index` / `affine.linearize_index` (what index arithmetic from tiling
and vectorization uses) and `affine.prefetch`."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.affine import MinOp as AffineMinOp
from xdsl.dialects.builtin import (
    AffineMapAttr,
    DenseArrayBase,
    IndexType,
    IntegerAttr,
    MemRefType,
    UnitAttr,
    i64,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import (
    consumed_end,
    parse_mixed_indices,
    parse_prefetch_hints,
    print_mixed_indices,
    print_prefetch_hints,
)


def install() -> None:
    """`symbol(%n)` in affine maps of SSA values, as mlir-opt prints symbol
    operands (`affine.load %m[symbol(%n) + 1]`); xDSL reads only a bare `%n`."""
    from xdsl.parser.affine_parser import AffineParser
    from xdsl.utils.mlir_lexer import MLIRTokenKind

    original = AffineParser._get_parse_optional_ssa_value

    def with_symbol(self: AffineParser) -> Any:
        parse_ssa, symbols, spans = original(self)

        def parse() -> Any:
            token = self._current_token
            if token.kind != MLIRTokenKind.BARE_IDENT or token.text != "symbol":
                return parse_ssa()
            self._consume_token()
            self._parse_token(MLIRTokenKind.L_PAREN, "Expected '(' after symbol")
            expr = parse_ssa()
            if expr is None:
                self.raise_error("expected an SSA value inside symbol(...)")
            self._parse_token(MLIRTokenKind.R_PAREN, "Expected ')'")
            return expr

        return parse, symbols, spans

    AffineParser._get_parse_optional_ssa_value = with_symbol


def install_induction_variable_location() -> None:
    """`affine.for %i loc("name") = 0 to 8`: MLIR reads a location after the induction
    variable (xDSL wants `=` there). The location is read and dropped, as mlir-opt drops
    locations unless asked to print them."""
    from xdsl.dialects import affine

    parse_rest = affine.ForOp.parse.__func__

    def parse(cls: type[Any], parser: Parser) -> Any:
        parse_argument = parser.parse_argument

        def argument_then_location(*args: Any, **kwargs: Any) -> Any:
            parser.parse_argument = parse_argument  # only the induction variable
            argument = parse_argument(*args, **kwargs)
            parser.parse_optional_location()
            return argument

        parser.parse_argument = argument_then_location
        try:
            return parse_rest(cls, parser)
        finally:
            parser.parse_argument = parse_argument

    affine.ForOp.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class


def ops() -> list[type[Operation]]:
    return [AffineMaxOp, DelinearizeIndexOp, LinearizeIndexOp, PrefetchOp]


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


@irdl_op_definition
class DelinearizeIndexOp(IRDLOperation):
    """`%i:2 = affine.delinearize_index %n into (4, 8) : index, index`"""

    name = "affine.delinearize_index"
    linear_index = operand_def(IndexType())
    dynamic_basis = var_operand_def(IndexType())
    static_basis = prop_def(DenseArrayBase.constr(i64))
    multi_index = var_result_def(IndexType())
    traits = traits_def(Pure())

    def verify_(self) -> None:
        basis = len(self.static_basis.get_values())
        if len(self.multi_index) not in (basis, basis + 1):
            raise VerifyException(f"should return an index for each basis element and up "
                                  f"to one extra index (basis has {basis} elements)")

    @classmethod
    def parse(cls, parser: Parser) -> DelinearizeIndexOp:
        linear = parser.parse_operand(IndexType())
        parser.parse_keyword("into")
        values, basis = parse_mixed_indices(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        results = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
        return cls.create(operands=[linear, *values], result_types=results,
                          properties={"static_basis": DenseArrayBase.from_list(i64, basis)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.linear_index)
        printer.print_string(" into ")
        print_mixed_indices(printer, self.dynamic_basis, self.static_basis.get_values())
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_list(self.result_types, printer.print_attribute)


@irdl_op_definition
class LinearizeIndexOp(IRDLOperation):
    """`%n = affine.linearize_index [disjoint] [%i, %j] by (4, 8) : index`"""

    name = "affine.linearize_index"
    multi_index = var_operand_def(IndexType())
    dynamic_basis = var_operand_def(IndexType())
    static_basis = prop_def(DenseArrayBase.constr(i64))
    disjoint = opt_prop_def(UnitAttr)
    linear_index = result_def(IndexType())
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        basis = len(self.static_basis.get_values())
        if len(self.multi_index) not in (basis, basis - 1):
            raise VerifyException(f"should be passed an index for each basis element, or "
                                  f"one fewer (basis has {basis} elements)")

    @classmethod
    def parse(cls, parser: Parser) -> LinearizeIndexOp:
        disjoint = parser.parse_optional_keyword("disjoint") is not None
        indices = parser.parse_comma_separated_list(
            Parser.Delimiter.SQUARE, lambda: parser.parse_operand(IndexType()))
        parser.parse_keyword("by")
        values, basis = parse_mixed_indices(parser)
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        result = parser.parse_type()
        properties: dict[str, Any] = {"static_basis": DenseArrayBase.from_list(i64, basis)}
        if disjoint:
            properties["disjoint"] = UnitAttr()
        return cls.build(operands=[indices, values], result_types=[result],
                         properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        if self.disjoint is not None:
            printer.print_string(" disjoint")
        printer.print_string(" [")
        printer.print_list(self.multi_index, printer.print_operand)
        printer.print_string("] by ")
        print_mixed_indices(printer, self.dynamic_basis, self.static_basis.get_values())
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.linear_index.type)


@irdl_op_definition
class PrefetchOp(IRDLOperation):
    """`affine.prefetch %m[%i + 1, %j], read, locality<3>, data : memref<16x16xf32>`"""

    name = "affine.prefetch"
    memref = operand_def(MemRefType)
    indices = var_operand_def(IndexType())
    map = prop_def(AffineMapAttr)
    isWrite = prop_def(IntegerAttr)
    localityHint = prop_def(IntegerAttr)
    isDataCache = prop_def(IntegerAttr)

    def verify_(self) -> None:
        memref = self.memref.type
        if isinstance(memref, MemRefType) and len(self.map.data.results) != (
                memref.get_num_dims()):
            raise VerifyException("affine.prefetch affine map num results must equal memref "
                                  "rank")

    @classmethod
    def parse(cls, parser: Parser) -> PrefetchOp:
        memref = parser.parse_unresolved_operand()
        affine_map, indices = parser.parse_affine_map_of_ssa_ids()
        properties = {"map": AffineMapAttr(affine_map), **parse_prefetch_hints(parser)}
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(memref, memref_type), *indices],
                          properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        from xdsl.dialects.affine import _print_affine_map_of_ssa_ids

        printer.print_string(" ")
        printer.print_operand(self.memref)
        _print_affine_map_of_ssa_ids(printer, self.map.data, self.indices)
        print_prefetch_hints(printer, self)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.memref.type)
