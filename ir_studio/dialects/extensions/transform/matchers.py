"""`transform.match.structured` and the matchers of its body (LinalgMatchOps.td), which
xDSL 0.74 lacks:

    %m = transform.match.structured %op : (!transform.any_op) -> !transform.any_op {
    ^bb0(%s: !transform.any_op):
      %n = transform.match.structured.rank %s : (!transform.any_op) -> !transform.param<i64>
      transform.match.structured.dim %s[all] {parallel} : !transform.any_op
      %i = transform.match.structured.input %s[except(0)] : (...) -> !transform.any_op
      transform.match.structured.yield %s : !transform.any_op
    }

Attributes written in the dictionary are kept as properties, as in MLIR's generic form;
handle kinds are checked by MLIR when it runs the script."""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects import transform
from xdsl.dialects.builtin import (
    DenseArrayBase,
    FunctionType,
    IntegerAttr,
    UnitAttr,
    i32,
    i64,
)
from xdsl.ir import Attribute, Operation
from xdsl.irdl import (
    irdl_op_definition,
    opt_prop_def,
    region_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.transform.handle_base import (
    HandleOp,
    parse_semi_function,
    print_semi_function,
    props,
)

_MODES = ("propagate", "suppress")  # transform::FailurePropagationMode: 1 and 2


def ops() -> list[type[Operation]]:
    return [MatchStructuredOp, MatchRankOp, MatchDimOp, MatchInputOp, MatchInitOp,
            MatchResultOp, MatchYieldOp, GetOperandOp]


# --- transform.match.structured and the matchers of its body ----------------------------

@irdl_op_definition
class MatchStructuredOp(HandleOp):
    name = "transform.match.structured"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("failure_propagation_mode",)
    failure_propagation_mode = opt_prop_def(IntegerAttr)
    body_region = region_def("single_block")

    def verify_(self) -> None:
        if len(self.handles) != 1:
            raise VerifyException(f"expected 1 operand, got {len(self.handles)}")

    @classmethod
    def parse(cls, parser: Parser) -> MatchStructuredOp:
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("failures") is not None:
            parser.parse_punctuation("(")
            start = parser.pos
            word = parser.parse_identifier()
            if word not in _MODES:
                parser.raise_error("expected 'propagate' or 'suppress'", start, parser.pos)
            parser.parse_punctuation(")")
            properties["failure_propagation_mode"] = IntegerAttr(_MODES.index(word) + 1, i32)
        name = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        operand_type, result_types = parse_semi_function(parser)
        attributes = parser.parse_optional_attr_dict_with_keyword()
        body = parser.parse_region()
        return cls.create(operands=[parser.resolve_operand(name, operand_type)],
                          result_types=result_types, properties=properties, regions=[body],
                          attributes=attributes.data if attributes is not None else {})

    def print(self, printer: Printer) -> None:
        mode = self.failure_propagation_mode
        if mode is not None and 1 <= mode.value.data <= 2:
            printer.print_string(f" failures({_MODES[mode.value.data - 1]})")
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        printer.print_string(" : ")
        print_semi_function(printer, self.handles[0].type, [r.type for r in self.results])
        printer.print_op_attributes(self.attributes, print_keyword=True)
        printer.print_string(" ")
        printer.print_region(self.body_region)


class _SemiFunctionMatchOp(HandleOp):
    """`%h attr-dict : (T) -> R`, or `: T` when the op has no result and ALLOW_SHORT."""

    ALLOW_SHORT: ClassVar[bool] = True

    def verify_(self) -> None:
        if len(self.handles) != 1:
            raise VerifyException(f"expected 1 operand, got {len(self.handles)}")

    @classmethod
    def parse_positions(cls, parser: Parser) -> dict[str, Attribute]:
        return {}

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        name = parser.parse_unresolved_operand()
        properties = cls.parse_positions(parser)
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        operand_type, result_types = parse_semi_function(parser, cls.ALLOW_SHORT)
        return cls.create(operands=[parser.resolve_operand(name, operand_type)],
                          result_types=result_types, properties={**properties, **more},
                          attributes=attributes)

    def print_positions(self, printer: Printer) -> tuple[str, ...]:
        return ()

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        hidden = self.print_positions(printer)
        printer.print_op_attributes(self._print_attributes(hidden))
        printer.print_string(" : ")
        print_semi_function(printer, self.handles[0].type, [r.type for r in self.results],
                            self.ALLOW_SHORT)


@irdl_op_definition
class MatchRankOp(_SemiFunctionMatchOp):
    name = "transform.match.structured.rank"
    ALLOW_SHORT: ClassVar[bool] = False


class _DimsMatchOp(_SemiFunctionMatchOp):
    """`%h[all]`, `%h[except(0, -1)]` or `%h[0, 2]` (custom<TransformMatchDims>)."""

    LIST: ClassVar[str] = "raw_position_list"

    @classmethod
    def parse_positions(cls, parser: Parser) -> dict[str, Attribute]:
        parser.parse_punctuation("[")
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("all") is not None:
            properties["is_all"] = UnitAttr()
            values: list[int] = []
        else:
            inverted = parser.parse_optional_keyword("except") is not None
            if inverted:
                properties["is_inverted"] = UnitAttr()
                values = parser.parse_comma_separated_list(Parser.Delimiter.PAREN,
                                                           parser.parse_integer)
            else:
                values = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                           parser.parse_integer)
        parser.parse_punctuation("]")
        properties[cls.LIST] = DenseArrayBase.from_list(i64, values)
        return properties

    def print_positions(self, printer: Printer) -> tuple[str, ...]:
        raw = self.properties.get(self.LIST)
        values = list(raw.get_values()) if isinstance(raw, DenseArrayBase) else []
        listed = ", ".join(str(v) for v in values)
        if self.properties.get("is_all") is not None:
            printer.print_string("[all]")
        elif self.properties.get("is_inverted") is not None:
            printer.print_string(f"[except({listed})]")
        else:
            printer.print_string(f"[{listed}]")
        return (self.LIST, "is_all", "is_inverted")

    def verify_(self) -> None:
        super().verify_()
        raw = self.properties.get(self.LIST)
        values = list(raw.get_values()) if isinstance(raw, DenseArrayBase) else []
        if self.properties.get("is_all") is not None and values:
            raise VerifyException(f"cannot request both 'all' and specific "
                                  f"{'dimensions' if self.LIST == 'raw_dim_list' else 'positions'}")
        if len(set(values)) != len(values):
            raise VerifyException("expected the listed values to be unique")
        if self.LIST != "raw_position_list" or self.name == "transform.get_operand":
            return  # the rules below are the structured input/init matchers' own
        for result in self.results:  # one handle, of ops or values, for the positions
            if not isinstance(result.type, transform.TransformOpHandleType
                              | transform.TransformValueHandleType):
                raise VerifyException(f"result #0 must be transform operation or value "
                                      f"handle or , but got '{result.type}'")  # sic
        listed = self.properties.get("is_all") is None and \
            self.properties.get("is_inverted") is None
        if self.results and listed and len(values) > 1:
            raise VerifyException("cannot bind multiple inputs/inits to the same value")


@irdl_op_definition
class MatchDimOp(_DimsMatchOp):
    name = "transform.match.structured.dim"
    LIST: ClassVar[str] = "raw_dim_list"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("raw_dim_list", "is_inverted", "is_all",
                                             "parallel", "reduction")
    locals().update(props(*PROPERTIES))


@irdl_op_definition
class MatchInputOp(_DimsMatchOp):
    name = "transform.match.structured.input"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("raw_position_list", "is_inverted", "is_all",
                                             "permutation", "projected_permutation")
    locals().update(props(*PROPERTIES))


@irdl_op_definition
class MatchInitOp(_DimsMatchOp):
    name = "transform.match.structured.init"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("raw_position_list", "is_inverted", "is_all",
                                             "permutation", "projected_permutation")
    locals().update(props(*PROPERTIES))


@irdl_op_definition
class GetOperandOp(_DimsMatchOp):
    """`transform.get_operand %h[0, 1] : (T) -> !transform.any_value` (TransformOps.td),
    positions written as the structured matchers write them."""

    name = "transform.get_operand"
    ALLOW_SHORT: ClassVar[bool] = False
    PROPERTIES: ClassVar[tuple[str, ...]] = ("raw_position_list", "is_inverted", "is_all")
    locals().update(props(*PROPERTIES))


@irdl_op_definition
class MatchResultOp(HandleOp):
    """`%h[0] [any] [single] : (T) -> R`"""

    name = "transform.match.structured.result"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("position", "any", "single")
    position = opt_prop_def(IntegerAttr)
    any = opt_prop_def(UnitAttr)
    single = opt_prop_def(UnitAttr)

    @classmethod
    def parse(cls, parser: Parser) -> MatchResultOp:
        name = parser.parse_unresolved_operand()
        parser.parse_punctuation("[")
        properties: dict[str, Attribute] = {"position": IntegerAttr(parser.parse_integer(),
                                                                    i64)}
        parser.parse_punctuation("]")
        for word in ("any", "single"):
            if parser.parse_optional_keyword(word) is not None:
                properties[word] = UnitAttr()
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        if len(function.inputs) != 1:
            raise VerifyException(f"number of operands and types do not match: got 1 "
                                  f"operands and {len(function.inputs)} types")
        return cls.create(operands=[parser.resolve_operand(name, function.inputs.data[0])],
                          result_types=list(function.outputs.data),
                          properties={**properties, **more}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        position = self.position.value.data if self.position is not None else 0
        printer.print_string(f"[{position}]")
        for word in ("any", "single"):
            if self.properties.get(word) is not None:
                printer.print_string(f" {word}")
        printer.print_op_attributes(self._print_attributes(self.PROPERTIES))
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([self.handles[0].type],
                                                        [r.type for r in self.results]))


@irdl_op_definition
class MatchYieldOp(HandleOp):
    """`transform.match.structured.yield %a, %b : T1, T2` (the body's terminator)."""

    name = "transform.match.structured.yield"
    traits = traits_def(IsTerminator())

    @classmethod
    def parse(cls, parser: Parser) -> MatchYieldOp:
        names = parser.parse_optional_undelimited_comma_separated_list(
            parser.parse_optional_unresolved_operand, parser.parse_unresolved_operand) or []
        attributes = parser.parse_optional_attr_dict()
        types: list[Attribute] = []
        if names and parser.parse_optional_punctuation(":") is not None:
            types = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                      parser.parse_type)
        if len(types) != len(names):
            raise VerifyException(f"number of operands and types do not match: got "
                                  f"{len(names)} operands and {len(types)} types")
        return cls.create(operands=[parser.resolve_operand(n, t)
                                    for n, t in zip(names, types, strict=True)],
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        if self.handles:
            printer.print_string(" ")
            printer.print_list(self.handles, printer.print_operand)
        printer.print_op_attributes(self.attributes)
        if self.handles:
            printer.print_string(" : ")
            printer.print_list([v.type for v in self.handles], printer.print_attribute)
