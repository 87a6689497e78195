"""The transform dialect's PDL extension, which xDSL 0.74 lacks: a region of PDL
patterns next to the transform script that matches with them (PDLExtensionOps.td).

    transform.with_pdl_patterns {
    ^bb0(%root: !transform.any_op):
      pdl.pattern @is_func : benefit(1) {
        %op = pdl.operation "func.func"
        pdl.rewrite %op with "transform.dialect"
      }
      sequence %root : !transform.any_op failures(propagate) {
      ^bb1(%arg: !transform.any_op):
        %f = pdl_match @is_func in %arg : (!transform.any_op) -> !transform.any_op
      }
    }

The patterns are xDSL's pdl dialect; inside the region ops may leave out `transform.`
(its default dialect, see ir_studio.frontends.default_dialects)."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import FunctionType, SymbolRefAttr
from xdsl.dialects.transform import (
    TransformHandleType,
    TransformOpHandleType,
    TransformParamHandleType,
    TransformValueHandleType,
)
from xdsl.ir import Block, Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsolatedFromAbove, NoTerminator
from xdsl.utils.exceptions import VerifyException

TOP_LEVEL = frozenset({"transform.sequence", "transform.with_pdl_patterns",
                       "transform.alternatives"})
"""Ops with MLIR's PossibleTopLevelTransformOpTrait."""


def ops() -> list[type[Operation]]:
    return [WithPDLPatternsOp, PDLMatchOp]


def _top_level_checks(op: Operation, root: Any) -> None:
    """verifyPossibleTopLevelTransformOpTrait (TransformInterfaces.cpp)."""
    block = op.regions[0].blocks.first
    if block is None or not block.args:
        raise VerifyException("expects the entry block to have at least one argument")
    if not isinstance(block.args[0].type, TransformHandleType):
        raise VerifyException("expects the first entry block argument to be of type "
                              "implementing TransformHandleTypeInterface")
    if root is not None and root.type != block.args[0].type:
        raise VerifyException("expects the type of the block argument to match the type of "
                              "the operand")
    for arg in block.args[1:]:
        if not isinstance(arg.type, TransformOpHandleType | TransformValueHandleType
                          | TransformParamHandleType):
            raise VerifyException("expects trailing entry block arguments to be of type "
                                  "implementing TransformHandleTypeInterface, "
                                  "TransformValueHandleTypeInterface or "
                                  "TransformParamTypeInterface")


@irdl_op_definition
class WithPDLPatternsOp(IRDLOperation):
    name = "transform.with_pdl_patterns"
    root = opt_operand_def(AnyAttr())
    body = region_def("single_block")
    traits = traits_def(NoTerminator(), IsolatedFromAbove())

    def verify_(self) -> None:
        if self.root is not None and not isinstance(self.root.type, TransformHandleType):
            raise VerifyException(f"operand #0 must be TransformHandleTypeInterface instance, "
                                  f"but got '{self.root.type}'")
        _top_level_checks(self, self.root)
        top_level: Operation | None = None
        for op in self.body.block.ops:
            if op.name == "pdl.pattern":
                continue
            if op.name in TOP_LEVEL:
                if top_level is not None:
                    raise VerifyException("expects only one non-pattern op in its body")
                top_level = op
                continue
            raise VerifyException("expects only pattern and top-level transform ops in its "
                                  "body")
        parent = self.parent_op()
        while parent is not None:
            if isinstance(parent, WithPDLPatternsOp):
                raise VerifyException("cannot be nested")
            parent = parent.parent_op()
        if top_level is None:
            raise VerifyException("expects at least one non-pattern op")

    @classmethod
    def parse(cls, parser: Parser) -> WithPDLPatternsOp:
        operands: list[Any] = []
        if parser._current_token.text.startswith("%"):  # no public peek
            name = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            operands.append(parser.resolve_operand(name, parser.parse_type()))
        attributes = parser.parse_optional_attr_dict_with_keyword()
        body = parser.parse_region()
        if not body.blocks:
            body.add_block(Block())
        return cls.create(operands=operands, regions=[body],
                          attributes=attributes.data if attributes is not None else {})

    def print(self, printer: Printer) -> None:
        if self.root is not None:
            printer.print_string(" ")
            printer.print_operand(self.root)
            printer.print_string(" : ")
            printer.print_attribute(self.root.type)
        printer.print_op_attributes(self.attributes, print_keyword=True)
        printer.print_string(" ")
        printer.print_region(self.body)


@irdl_op_definition
class PDLMatchOp(IRDLOperation):
    """`%m = transform.pdl_match @pattern in %root : (!transform.any_op) -> ...`; the
    pattern is looked up when the script runs (MLIR does not check it when verifying)."""

    name = "transform.pdl_match"
    root = operand_def(AnyAttr())
    matched = result_def(AnyAttr())
    pattern_name = prop_def(SymbolRefAttr)

    def verify_(self) -> None:
        for what, value in (("operand", self.root), ("result", self.matched)):
            if not isinstance(value.type, TransformHandleType):
                raise VerifyException(f"{what} #0 must be TransformHandleTypeInterface "
                                      f"instance, but got '{value.type}'")

    @classmethod
    def parse(cls, parser: Parser) -> PDLMatchOp:
        pattern = parser.parse_attribute()
        parser.parse_keyword("in")
        name = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        start = parser.pos
        function = parser.parse_function_type()
        if len(function.inputs) != 1 or len(function.outputs) != 1:
            parser.raise_error("expected a function type with one input and one result",
                               start, parser.pos)
        if not isinstance(pattern, SymbolRefAttr):
            parser.raise_error("expected a symbol reference to a pdl.pattern")
        return cls.create(operands=[parser.resolve_operand(name, function.inputs.data[0])],
                          result_types=[function.outputs.data[0]],
                          properties={"pattern_name": pattern}, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_attribute(self.pattern_name)
        printer.print_string(" in ")
        printer.print_operand(self.root)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([self.root.type],
                                                        [self.matched.type]))

