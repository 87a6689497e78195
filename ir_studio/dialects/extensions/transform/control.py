"""Transform ops that choose what runs (TransformOps.td), which xDSL 0.74 lacks:

    %r = transform.alternatives %h : !transform.any_op -> !transform.any_op { ... }, { ... }
    %u = transform.foreach_match in %root @match -> @action : (...) -> !transform.any_op
"""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects import transform
from xdsl.dialects.builtin import (
    ArrayAttr,
    FunctionType,
    SymbolRefAttr,
    UnitAttr,
)
from xdsl.ir import Attribute, Operation, Region, SSAValue
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    opt_prop_def,
    traits_def,
    var_operand_def,
    var_region_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsolatedFromAbove
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_optional_arrow_types
from ir_studio.dialects.extensions.transform.handle_base import HandleOp


def ops() -> list[type[Operation]]:
    return [AlternativesOp, ForeachMatchOp]


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
class ForeachMatchOp(HandleOp):
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
