"""Transform ops with syntax shapes the generated table does not cover (MLIR 22's
TransformOps.td, LinalgMatchOps.td and LinalgTransformOps.td), which xDSL 0.74 lacks:

    %r = transform.alternatives %h : !transform.any_op -> !transform.any_op { ... }, { ... }
    %u = transform.foreach_match in %root @match -> @action : (...) -> !transform.any_op
    %m = transform.match.structured %op : (!transform.any_op) -> !transform.any_op {
    ^bb0(%s: !transform.any_op):
      %n = transform.match.structured.rank %s : (!transform.any_op) -> !transform.param<i64>
      transform.match.structured.dim %s[all] {parallel} : !transform.any_op
      %i = transform.match.structured.input %s[except(0)] : (...) -> !transform.any_op
      transform.match.structured.yield %s : !transform.any_op
    }
    %p, %pad, %copy = transform.structured.pad %h pad_to_multiple_of [4, %n] {...} : (...) -> (...)
    %s = transform.structured.split %h after 16 {dimension = 1} : !transform.any_op

Attributes written in the dictionary are kept as properties, as in MLIR's generic form;
handle kinds are checked by MLIR when it runs the script."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from xdsl.dialects import transform
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    ArrayAttr,
    DenseArrayBase,
    FunctionType,
    IntegerAttr,
    StringAttr,
    SymbolRefAttr,
    UnitAttr,
    i32,
    i64,
)
from xdsl.dialects.utils.dynamic_index_list import (
    parse_dynamic_index_list_without_types,
    print_dynamic_index_list,
)
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    opt_prop_def,
    region_def,
    traits_def,
    var_operand_def,
    var_region_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsolatedFromAbove, IsTerminator, NoTerminator
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.upstream_syntax.formats import consumed_end, parse_optional_arrow_types

_MODES = ("propagate", "suppress")  # transform::FailurePropagationMode: 1 and 2


def install() -> None:
    """Nothing to patch: the ops join transform through `extra_ops`."""


def extra_ops(dialect: str) -> list[type[Operation]]:
    return [AlternativesOp, ForeachMatchOp, MatchStructuredOp, MatchRankOp, MatchDimOp,
            MatchInputOp, MatchInitOp, MatchResultOp, MatchYieldOp, PadOp, SplitOp,
            OneShotBufferizeOp, ApplyConversionPatternsOp, DialectToLLVMPatternsOp] \
        if dialect == "transform" else []


class _HandleOp(IRDLOperation):
    """Operands and results are transform values; `PROPERTIES` are the attributes MLIR
    keeps as properties (read from the attribute dictionary)."""

    PROPERTIES: ClassVar[tuple[str, ...]] = ()
    handles = var_operand_def()
    results_ = var_result_def()

    @classmethod
    def _split(cls, attributes: dict[str, Attribute]) -> tuple[dict[str, Attribute],
                                                               dict[str, Attribute]]:
        return ({k: v for k, v in attributes.items() if k in cls.PROPERTIES},
                {k: v for k, v in attributes.items() if k not in cls.PROPERTIES})

    def _print_attributes(self, hidden: Sequence[str] = ()) -> dict[str, Attribute]:
        return {k: v for k, v in {**self.properties, **self.attributes}.items()
                if k not in hidden}


def _props(*names: str) -> dict[str, Any]:
    return {name: opt_prop_def(Attribute) for name in names}


def _semi_function(parser: Parser, allow_short: bool = True) -> tuple[Attribute, list[Any]]:
    """MLIR's custom<SemiFunctionType>: `T` (no results, where allowed) or
    `(T) -> R` / `(T) -> (R1, R2)`."""
    start = parser._current_token.span.start  # no public peek
    if not allow_short and parser._current_token.text != "(":
        parser.raise_error("expected '('", start, start + 1)
    written = parser.parse_type()
    if isinstance(written, FunctionType):
        if len(written.inputs) != 1:
            parser.raise_error("expected a single argument type", start, parser.pos)
        return written.inputs.data[0], list(written.outputs.data)
    return written, []


def _print_semi_function(printer: Printer, operand: Attribute, results: Sequence[Any],
                         allow_short: bool = True) -> None:
    if not results and allow_short:
        printer.print_attribute(operand)
        return
    printer.print_attribute(FunctionType.from_lists([operand], list(results)))


# --- transform.alternatives ---------------------------------------------------------------

@irdl_op_definition
class AlternativesOp(IRDLOperation):
    name = "transform.alternatives"
    scope = var_operand_def()
    results_ = var_result_def()
    alternatives = var_region_def()
    traits = traits_def(IsolatedFromAbove())

    def verify_(self) -> None:
        if len(self.scope) > 1:
            raise VerifyException(f"expected at most one scope operand, got {len(self.scope)}")
        parent = self.parent_op()
        while parent is not None and not parent.name.startswith("transform."):
            parent = parent.parent_op()
        if not self.scope and parent is not None:  # PossibleTopLevelTransformOpTrait
            raise VerifyException("expects operands to be provided for a nested op")
        for region in self.alternatives:
            if len(region.blocks) != 1:
                raise VerifyException("expects each alternative region to have one block")
            terminator = region.block.last_op
            types = [v.type for v in terminator.operands] if terminator is not None else []
            if types != [r.type for r in self.results]:
                raise VerifyException("expects terminator operands to have the same type as "
                                      "results of the operation")

    @classmethod
    def parse(cls, parser: Parser) -> AlternativesOp:
        operands: list[SSAValue] = []
        if parser._current_token.text.startswith("%"):  # no public peek
            name = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            operands.append(parser.resolve_operand(name, parser.parse_type()))
        result_types = parse_optional_arrow_types(parser)
        attributes = parser.parse_optional_attr_dict_with_keyword()
        regions: list[Region] = []
        region = parser.parse_optional_region()
        while region is not None:
            if len(region.blocks) == 1 and not isinstance(region.block.last_op,
                                                            transform.YieldOp):
                region.block.add_op(transform.YieldOp())  # SingleBlockImplicitTerminator
            regions.append(region)
            if parser.parse_optional_punctuation(",") is None:
                break
            region = parser.parse_region()
        return cls.create(operands=operands, result_types=result_types, regions=regions,
                          attributes=attributes.data if attributes is not None else {})

    def print(self, printer: Printer) -> None:
        if self.scope:
            printer.print_string(" ")
            printer.print_operand(self.scope[0])
            printer.print_string(" : ")
            printer.print_attribute(self.scope[0].type)
        if self.results:
            printer.print_string(" -> ")
            types = [r.type for r in self.results]
            if len(types) == 1:
                printer.print_attribute(types[0])
            else:
                printer.print_string("(")
                printer.print_list(types, printer.print_attribute)
                printer.print_string(")")
        printer.print_op_attributes(self.attributes, print_keyword=True)
        for number, region in enumerate(self.alternatives):
            printer.print_string(", " if number else " ")
            terminator = region.block.last_op if len(region.blocks) == 1 else None
            elide = isinstance(terminator, transform.YieldOp) and not terminator.operands
            printer.print_region(region, print_block_terminators=not elide)


# --- transform.foreach_match --------------------------------------------------------------

@irdl_op_definition
class ForeachMatchOp(_HandleOp):
    name = "transform.foreach_match"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("restrict_root", "flatten_results", "matchers",
                                             "actions")
    restrict_root = opt_prop_def(UnitAttr)
    flatten_results = opt_prop_def(UnitAttr)
    matchers = opt_prop_def(ArrayAttr)
    actions = opt_prop_def(ArrayAttr)

    def verify_(self) -> None:
        matchers = self.matchers.data if self.matchers is not None else ()
        actions = self.actions.data if self.actions is not None else ()
        if len(matchers) != len(actions):
            raise VerifyException("expected the same number of matchers and actions")
        if not self.handles or not self.results:
            raise VerifyException("expected a root operand and an updated root result")
        # The matchers and actions are named sequences elsewhere in the module; ir-studio
        # verifies each top-level op apart, so their lookup (MLIR's "unresolved matcher
        # symbol") is not made here.

    @classmethod
    def parse(cls, parser: Parser) -> ForeachMatchOp:
        properties: dict[str, Attribute] = {}
        while True:  # oilist(`restrict_root` | `flatten_results`), in any order
            for word in ("restrict_root", "flatten_results"):
                if parser.parse_optional_keyword(word) is not None:
                    properties[word] = UnitAttr()
                    break
            else:
                break
        parser.parse_keyword("in")
        names = [parser.parse_unresolved_operand()]
        while parser.parse_optional_punctuation(",") is not None:
            names.append(parser.parse_unresolved_operand())
        matchers: list[Attribute] = []
        actions: list[Attribute] = []

        def pair() -> None:
            matchers.append(parser.parse_attribute())
            parser.parse_punctuation("->")
            actions.append(parser.parse_attribute())

        parser.parse_comma_separated_list(Parser.Delimiter.NONE, pair)
        if not all(isinstance(s, SymbolRefAttr) for s in (*matchers, *actions)):
            parser.raise_error("expected symbol references `@matcher -> @action`")
        properties["matchers"] = ArrayAttr(matchers)
        properties["actions"] = ArrayAttr(actions)
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        if len(function.inputs) != len(names):
            raise VerifyException(f"number of operands and types do not match: got "
                                  f"{len(names)} operands and {len(function.inputs)} types")
        operands = [parser.resolve_operand(n, t)
                    for n, t in zip(names, function.inputs.data, strict=True)]
        return cls.create(operands=operands, result_types=list(function.outputs.data),
                          properties={**properties, **more}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        for word in ("restrict_root", "flatten_results"):
            if self.properties.get(word) is not None:
                printer.print_string(f" {word}")
        printer.print_string(" in ")
        printer.print_list(self.handles, printer.print_operand)
        printer.print_string(" ")
        matchers = self.matchers.data if self.matchers is not None else ()
        actions = self.actions.data if self.actions is not None else ()
        for number, (matcher, action) in enumerate(zip(matchers, actions, strict=False)):
            printer.print_string(", " if number else "")
            printer.print_attribute(matcher)
            printer.print_string(" -> ")
            printer.print_attribute(action)
        printer.print_op_attributes(self._print_attributes(self.PROPERTIES))
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([v.type for v in self.handles],
                                                        [r.type for r in self.results]))


# --- transform.match.structured and the matchers of its body ----------------------------

@irdl_op_definition
class MatchStructuredOp(_HandleOp):
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
        operand_type, result_types = _semi_function(parser)
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
        _print_semi_function(printer, self.handles[0].type, [r.type for r in self.results])
        printer.print_op_attributes(self.attributes, print_keyword=True)
        printer.print_string(" ")
        printer.print_region(self.body_region)


class _SemiFunctionMatchOp(_HandleOp):
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
        operand_type, result_types = _semi_function(parser, cls.ALLOW_SHORT)
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
        _print_semi_function(printer, self.handles[0].type, [r.type for r in self.results],
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
        if self.LIST != "raw_position_list":
            return
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
    locals().update(_props(*PROPERTIES))


@irdl_op_definition
class MatchInputOp(_DimsMatchOp):
    name = "transform.match.structured.input"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("raw_position_list", "is_inverted", "is_all",
                                             "permutation", "projected_permutation")
    locals().update(_props(*PROPERTIES))


@irdl_op_definition
class MatchInitOp(_DimsMatchOp):
    name = "transform.match.structured.init"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("raw_position_list", "is_inverted", "is_all",
                                             "permutation", "projected_permutation")
    locals().update(_props(*PROPERTIES))


@irdl_op_definition
class MatchResultOp(_HandleOp):
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
class MatchYieldOp(_HandleOp):
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


# --- transform.structured.pad and transform.structured.split ------------------------------

@irdl_op_definition
class PadOp(_HandleOp):
    name = "transform.structured.pad"
    PROPERTIES: ClassVar[tuple[str, ...]] = (
        "padding_values", "padding_dimensions", "static_pad_to_multiple_of", "nofold_flags",
        "transpose_paddings", "copy_back_op", "use_prescribed_tensor_shapes")
    locals().update(_props(*PROPERTIES))

    def verify_(self) -> None:
        if not self.handles:
            raise VerifyException("expected a target operand")
        if len(self.results) != 3:
            raise VerifyException("expected 3 results")
        static = self.properties.get("static_pad_to_multiple_of")
        values = list(static.get_values()) if isinstance(static, DenseArrayBase) else []
        if values.count(DYNAMIC_INDEX) != len(self.handles) - 1:
            raise VerifyException("expected as many dynamic pad_to_multiple_of values as "
                                  "parameter operands")

    @classmethod
    def parse(cls, parser: Parser) -> PadOp:
        target = parser.parse_unresolved_operand()
        properties: dict[str, Attribute] = {}
        dynamic: list[Any] = []
        if parser.parse_optional_keyword("pad_to_multiple_of") is not None:
            values, static = parse_dynamic_index_list_without_types(
                parser, DYNAMIC_INDEX, delimiter=Parser.Delimiter.SQUARE)
            dynamic = list(values)
            properties["static_pad_to_multiple_of"] = DenseArrayBase.from_list(i64,
                                                                               list(static))
        if parser.parse_optional_keyword("use_prescribed_tensor_shapes") is not None:
            properties["use_prescribed_tensor_shapes"] = UnitAttr()
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        names = [target, *dynamic]
        if len(function.inputs) != len(names):
            raise VerifyException(f"number of operands and types do not match: got "
                                  f"{len(names)} operands and {len(function.inputs)} types")
        operands = [parser.resolve_operand(n, t)
                    for n, t in zip(names, function.inputs.data, strict=True)]
        return cls.create(operands=operands, result_types=list(function.outputs.data),
                          properties={**properties, **more}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        static = self.properties.get("static_pad_to_multiple_of")
        if isinstance(static, DenseArrayBase) and len(static.get_values()):
            printer.print_string(" pad_to_multiple_of ")
            print_dynamic_index_list(printer, DYNAMIC_INDEX, self.handles[1:],
                                     static.get_values())
        if self.properties.get("use_prescribed_tensor_shapes") is not None:
            printer.print_string(" use_prescribed_tensor_shapes")
        printer.print_op_attributes(self._print_attributes(
            ("static_pad_to_multiple_of", "use_prescribed_tensor_shapes")))
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([v.type for v in self.handles],
                                                        [r.type for r in self.results]))


@irdl_op_definition
class SplitOp(_HandleOp):
    """`%t after 16 {dimension = 1} : T`, or `after %p {...} : T, P` (SplitOp::parse)."""

    name = "transform.structured.split"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("dimension", "static_chunk_sizes", "multiway")
    locals().update(_props(*PROPERTIES))

    def verify_(self) -> None:
        static = self.properties.get("static_chunk_sizes")
        dynamic = isinstance(static, IntegerAttr) and static.value.data == DYNAMIC_INDEX
        if dynamic != (len(self.handles) == 2):
            raise VerifyException("expects either a dynamic or a static split point to be "
                                  "provided")
        if self.properties.get("dimension") is None:
            raise VerifyException("requires attribute 'dimension'")

    @classmethod
    def parse(cls, parser: Parser) -> SplitOp:
        target = parser.parse_unresolved_operand()
        parser.parse_keyword("after")
        chunk = parser.parse_optional_unresolved_operand()
        static = DYNAMIC_INDEX if chunk is not None else parser.parse_integer()
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        target_type = parser.parse_type()
        operands = [parser.resolve_operand(target, target_type)]
        if chunk is not None:
            parser.parse_punctuation(",")
            operands.append(parser.resolve_operand(chunk, parser.parse_type()))
        return cls.create(operands=operands, result_types=[target_type],
                          properties={**more, "static_chunk_sizes": IntegerAttr(static, i64)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        printer.print_string(" after ")
        if len(self.handles) > 1:
            printer.print_operand(self.handles[1])
        else:
            static = self.properties.get("static_chunk_sizes")
            printer.print_string(str(static.value.data if isinstance(static, IntegerAttr)
                                     else 0))
        printer.print_op_attributes(self._print_attributes(("static_chunk_sizes",)))
        printer.print_string(" : ")
        printer.print_list([v.type for v in self.handles], printer.print_attribute)


# --- transform.bufferization.one_shot_bufferize ------------------------------------------

_LAYOUTS = ("InferLayoutMap", "IdentityLayoutMap", "FullyDynamicLayoutMap")  # LayoutMapOption


@irdl_op_definition
class OneShotBufferizeOp(_HandleOp):
    """`[layout{IdentityLayoutMap}] %target {options} : (T) -> R`"""

    name = "transform.bufferization.one_shot_bufferize"
    PROPERTIES: ClassVar[tuple[str, ...]] = (
        "function_boundary_type_conversion", "allow_return_allocs_from_loops",
        "allow_unknown_ops", "bufferize_function_boundaries", "dump_alias_sets",
        "test_analysis_only", "print_conflicts", "check_parallel_regions", "memcpy_op")
    locals().update(_props(*PROPERTIES))

    def verify_(self) -> None:
        if len(self.handles) != 1 or len(self.results) != 1:
            raise VerifyException("expected one target handle and one result")
        layout = self.properties.get("function_boundary_type_conversion")
        if layout is not None and not (isinstance(layout, IntegerAttr)
                                       and 0 <= layout.value.data < len(_LAYOUTS)):
            raise VerifyException("attribute 'function_boundary_type_conversion' failed to "
                                  "satisfy constraint: option for map layout")

    @classmethod
    def parse(cls, parser: Parser) -> OneShotBufferizeOp:
        properties: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("layout") is not None:
            parser.parse_punctuation("{")
            start = parser._current_token.span.start  # no public peek
            word = parser.parse_identifier()
            if word not in _LAYOUTS:
                parser.raise_error("expected string or keyword containing one of the "
                                   "following enum values for attribute "
                                   "'function_boundary_type_conversion' ["
                                   + ", ".join(_LAYOUTS) + "]", start, consumed_end(parser))
            parser.parse_punctuation("}")
            properties["function_boundary_type_conversion"] = IntegerAttr(
                _LAYOUTS.index(word), i32)
        target = parser.parse_unresolved_operand()
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        if len(function.inputs) != 1:
            raise VerifyException(f"number of operands and types do not match: got 1 "
                                  f"operands and {len(function.inputs)} types")
        return cls.create(operands=[parser.resolve_operand(target, function.inputs.data[0])],
                          result_types=list(function.outputs.data),
                          properties={**properties, **more}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        layout = self.properties.get("function_boundary_type_conversion")
        if isinstance(layout, IntegerAttr) and 0 <= layout.value.data < len(_LAYOUTS):
            printer.print_string(f" layout{{{_LAYOUTS[layout.value.data]}}}")
        printer.print_string(" ")
        printer.print_operand(self.handles[0])
        printer.print_op_attributes(self._print_attributes(
            ("function_boundary_type_conversion",)))
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([self.handles[0].type],
                                                        [r.type for r in self.results]))


# --- transform.apply_conversion_patterns ---------------------------------------------------

@irdl_op_definition
class ApplyConversionPatternsOp(_HandleOp):
    """`to %target { patterns } [with type_converter { converter }] {options} : T`"""

    name = "transform.apply_conversion_patterns"
    PROPERTIES: ClassVar[tuple[str, ...]] = ("legal_ops", "illegal_ops", "legal_dialects",
                                             "illegal_dialects", "partial_conversion",
                                             "preserve_handles")
    locals().update(_props(*PROPERTIES))
    patterns = region_def()
    default_type_converter_region = var_region_def()  # none, or one holding a converter
    traits = traits_def(NoTerminator())

    def verify_(self) -> None:
        if len(self.handles) != 1 or self.results:
            raise VerifyException("expected one target handle and no results")
        for region in self.default_type_converter_region:
            block = region.blocks.first
            if len(region.blocks) != 1 or block is None or len(list(block.ops)) != 1:
                raise VerifyException("expected exactly one op in default type converter "
                                      "region")

    @classmethod
    def parse(cls, parser: Parser) -> ApplyConversionPatternsOp:
        parser.parse_keyword("to")
        target = parser.parse_unresolved_operand()
        patterns = parser.parse_region()
        converters: list[Region] = []
        if parser.parse_optional_keyword("with") is not None:
            parser.parse_keyword("type_converter")
            converters.append(parser.parse_region())
        if not patterns.blocks:
            patterns.add_block(Block())
        more, attributes = cls._split(dict(parser.parse_optional_attr_dict()))
        parser.parse_punctuation(":")
        operand = parser.resolve_operand(target, parser.parse_type())
        return cls.create(operands=[operand], properties=more, attributes=attributes,
                          regions=[patterns, *converters])

    def print(self, printer: Printer) -> None:
        printer.print_string(" to ")
        printer.print_operand(self.handles[0])
        printer.print_string(" ")
        printer.print_region(self.patterns)
        for region in self.default_type_converter_region:
            printer.print_string(" with type_converter ")
            printer.print_region(region)
        printer.print_op_attributes(self._print_attributes())
        printer.print_string(" : ")
        printer.print_attribute(self.handles[0].type)


@irdl_op_definition
class DialectToLLVMPatternsOp(IRDLOperation):
    """`transform.apply_conversion_patterns.dialect_to_llvm "math"`"""

    name = "transform.apply_conversion_patterns.dialect_to_llvm"
    # `dialect_name` would hide IRDLOperation.dialect_name(), which the parser calls
    converted = opt_prop_def(StringAttr, prop_name="dialect_name")

    def verify_(self) -> None:
        if self.converted is None:
            raise VerifyException("requires attribute 'dialect_name'")

    @classmethod
    def parse(cls, parser: Parser) -> DialectToLLVMPatternsOp:
        name = StringAttr(parser.parse_str_literal())
        attributes = dict(parser.parse_optional_attr_dict())
        return cls.create(properties={"dialect_name": name}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_attribute(self.converted or StringAttr(""))
        printer.print_op_attributes(self.attributes)
