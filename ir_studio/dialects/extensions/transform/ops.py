"""The transform dialect as MLIR's tests and Integration programs write their schedules:
`transform.sequence ... failures(propagate) {...}`, `transform.get_parent_op`,
`transform.structured.vectorize`, `transform.apply_patterns to %f {...}`,
`transform.collect_matching`, `transform.print`, `transform.foreach` (the ops of the
common simple shapes are generated: `generated.py`). xDSL 0.74 defines
some of these in the generic form only and leaves out the rest. Handles are checked by
kind only (`!transform.*` types), as the ops' syntax is what an editor must read; MLIR
checks the rest when it runs the schedule."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import transform
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    BoolAttr,
    DenseArrayBase,
    IntegerAttr,
    StringAttr,
    SymbolRefAttr,
    UnitAttr,
    i1,
    i32,
    i64,
)
from xdsl.ir import Operation, Region
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    ParsePropInAttrDict,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.irdl.operations import PropertyDef, VarResultDef
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator, NoTerminator
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import attach_format, attach_syntax

_MODES = ("propagate", "suppress")  # transform::FailurePropagationMode: 1 and 2


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    _with_defaults(transform.GetParentOp, {"nth_parent": IntegerAttr(1, i64)})
    attach_format(transform.GetParentOp,
                  "$target attr-dict `:` functional-type(operands, results)")
    sequence = transform.SequenceOp.get_irdl_definition()
    if not sequence.results:  # MLIR's sequence yields values; xDSL's has no results
        sequence.results.append(("results_", VarResultDef(AnyAttr())))
        transform.SequenceOp.results_ = property(  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
            lambda self: self.results)
    attach_syntax(transform.SequenceOp, _parse_sequence, _print_sequence)
    _with_defaults(transform.SplitHandleOp, {"pass_through_empty_handle": BoolAttr(True, i1),
                                             "fail_on_payload_too_small": BoolAttr(True, i1)})
    for cls, fmt in (
            (transform.MatchOperationNameOp,
             "$operand_handle $op_names attr-dict `:` type($operand_handle)"),
            (transform.ParamConstantOp, "$value attr-dict `->` type($param)"),
            (transform.SplitHandleOp, "$handle attr-dict `:` functional-type(operands, results)"),
    ):
        attach_format(cls, fmt)


def _with_defaults(cls: type[Any], defaults: dict[str, Any]) -> None:
    """MLIR's DefaultValuedAttr properties that xDSL declares as required; their other
    flags are written in the attribute dictionary."""
    definition = cls.get_irdl_definition()
    for name, value in defaults.items():
        old = definition.properties[name]
        if old.default_value is None:
            definition.properties[name] = PropertyDef(old.constr, default_value=value)
    if not any(isinstance(o, ParsePropInAttrDict) for o in definition.options):
        definition.options.append(ParsePropInAttrDict())
    attach_format(transform.YieldOp, "attr-dict ($arguments^ `:` type($arguments))?")


def ops() -> list[type[Operation]]:
    return list(_OPS)


# --- transform.sequence -----------------------------------------------------------------

def _parse_sequence(cls: type[Any], parser: Parser) -> Any:
    """`[%root [, %extra...] : types] [-> types] failures(mode) attr-dict {region}`"""
    operands: list[Any] = []
    if parser._current_token.text.startswith("%"):  # no public peek
        names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                  parser.parse_unresolved_operand)
        parser.parse_punctuation(":")
        types = parser.parse_optional_comma_separated_list(Parser.Delimiter.PAREN,
                                                           parser.parse_type)
        if types is None:
            types = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                      parser.parse_type)
        if len(types) != len(names):
            parser.raise_error(f"expected {len(names)} types, got {len(types)}")
        operands = [parser.resolve_operand(n, t) for n, t in zip(names, types, strict=True)]
    results: list[Any] = []
    if parser.parse_optional_punctuation("->") is not None:
        listed = parser.parse_optional_comma_separated_list(Parser.Delimiter.PAREN,
                                                            parser.parse_type)
        results = listed if listed is not None else parser.parse_comma_separated_list(
            Parser.Delimiter.NONE, parser.parse_type)
    parser.parse_keyword("failures")
    parser.parse_punctuation("(")
    start = parser.pos
    mode = parser.parse_identifier()
    if mode not in _MODES:
        parser.raise_error(f"expected one of {', '.join(_MODES)}, got '{mode}'", start,
                           parser.pos)
    parser.parse_punctuation(")")
    attributes = {}
    if parser.parse_optional_keyword("attributes") is not None:  # attr-dict-with-keyword
        attributes = parser.parse_optional_attr_dict()
    body = parser.parse_region()
    _ensure_yield(body)
    return cls.build(operands=[operands[:1], operands[1:]], result_types=[results],
                     regions=[body], attributes=attributes,
                     properties={"failure_propagation_mode":
                                 IntegerAttr(_MODES.index(mode) + 1, i32)})


def _print_sequence(op: Any, printer: Printer) -> None:
    operands = list(op.operands)
    if operands:
        printer.print_string(" ")
        printer.print_list(operands, printer.print_operand)
        printer.print_string(" : ")
        printer.print_list([o.type for o in operands], printer.print_attribute)
    if op.results:
        printer.print_string(" -> ")
        printer.print_list([r.type for r in op.results], printer.print_attribute)
    mode = op.failure_propagation_mode
    index = mode.value.data - 1 if isinstance(mode, IntegerAttr) else 0
    printer.print_string(f" failures({_MODES[index] if 0 <= index < 2 else 'propagate'})")
    printer.print_op_attributes(op.attributes, print_keyword=True)
    printer.print_string(" ")
    printer.print_region(op.body, print_block_terminators=_yields_values(op.body))


def _ensure_yield(body: Region) -> None:
    """The implicit `transform.yield` MLIR adds to a body that does not end in one."""
    for block in body.blocks:
        if block.last_op is None or not block.last_op.has_trait(IsTerminator):
            block.add_op(transform.YieldOp())


def _yields_values(body: Region) -> bool:
    last = body.blocks[-1].last_op if body.blocks else None
    return last is None or not isinstance(last, transform.YieldOp) or bool(last.operands)


# --- ops xDSL lacks -----------------------------------------------------------------------

@irdl_op_definition
class VectorizeOp(IRDLOperation):
    """`transform.structured.vectorize %op [vector_sizes [4, [8]]] : !transform.any_op`"""

    name = "transform.structured.vectorize"
    target = operand_def()
    vector_sizes = var_operand_def()
    static_vector_sizes = opt_prop_def(DenseArrayBase.constr(i64))
    scalable_sizes = opt_prop_def(DenseArrayBase.constr(i1))
    vectorize_nd_extract = opt_prop_def(UnitAttr)
    assume_dynamic_dims_match_vec_sizes = opt_prop_def(UnitAttr)
    create_named_contraction = opt_prop_def(UnitAttr)

    @classmethod
    def parse(cls, parser: Parser) -> VectorizeOp:
        target = parser.parse_unresolved_operand()
        sizes: list[int] = []
        scalable: list[int] = []
        dynamic: list[Any] = []
        if parser.parse_optional_keyword("vector_sizes") is not None:
            def size() -> None:
                flag = parser.parse_optional_punctuation("[") is not None
                if parser._current_token.text.startswith("%"):  # no public peek
                    dynamic.append(parser.parse_unresolved_operand())
                    sizes.append(DYNAMIC_INDEX)
                else:
                    sizes.append(parser.parse_integer())
                if flag:
                    parser.parse_punctuation("]")
                scalable.append(int(flag))

            parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, size)
        attributes = dict(parser.parse_optional_attr_dict())
        parser.parse_punctuation(":")
        types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
        if len(types) != 1 + len(dynamic):
            parser.raise_error(f"expected {1 + len(dynamic)} types, got {len(types)}")
        properties = {name: attributes.pop(name) for name in list(attributes)
                      if name in cls.get_irdl_definition().properties}
        if sizes:
            properties["static_vector_sizes"] = DenseArrayBase.from_list(i64, sizes)
        if any(scalable):
            properties["scalable_sizes"] = DenseArrayBase.from_list(i1, scalable)
        operands = [parser.resolve_operand(n, t) for n, t in zip([target, *dynamic], types,
                                                                  strict=True)]
        return cls.build(operands=[operands[0], operands[1:]], properties=properties,
                         attributes=attributes)  # one variadic group: no segment sizes

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        if self.static_vector_sizes is not None:
            dynamic = iter(self.vector_sizes)
            flags = (list(self.scalable_sizes.get_values()) if self.scalable_sizes
                     is not None else [])
            printer.print_string(" vector_sizes [")
            for index, size in enumerate(self.static_vector_sizes.get_values()):
                scalable = index < len(flags) and bool(flags[index])
                printer.print_string(("[" if scalable else "") if index == 0
                                     else (", [" if scalable else ", "))
                if size == DYNAMIC_INDEX:
                    printer.print_operand(next(dynamic))
                else:
                    printer.print_string(str(size))
                printer.print_string("]" if scalable else "")
            printer.print_string("]")
        shown = {k: v for k, v in self.properties.items()
                 if k not in ("static_vector_sizes", "scalable_sizes")}
        printer.print_op_attributes({**shown, **self.attributes})
        printer.print_string(" : ")
        printer.print_list([self.target.type, *self.vector_sizes.types],
                           printer.print_attribute)


@irdl_op_definition
class ApplyPatternsOp(IRDLOperation):
    """`transform.apply_patterns to %f { transform.apply_patterns.canonicalization } :
    !transform.any_op`"""

    name = "transform.apply_patterns"
    target = operand_def()
    patterns = region_def("single_block")
    max_iterations = opt_prop_def(IntegerAttr)
    max_num_rewrites = opt_prop_def(IntegerAttr)
    traits = traits_def(NoTerminator())
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "`to` $target $patterns attr-dict `:` type($target)"


@irdl_op_definition
class CollectMatchingOp(IRDLOperation):
    """`%m = transform.collect_matching @matcher in %root : (T) -> (T)`"""

    name = "transform.collect_matching"
    matcher = prop_def(SymbolRefAttr)
    root = operand_def()
    results_ = var_result_def()
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$matcher `in` $root attr-dict `:` functional-type($root, $results_)"


@irdl_op_definition
class PrintOp(IRDLOperation):
    """`transform.print [%h] [{name = "..."}] [: T]`"""

    name = "transform.print"
    target = opt_operand_def()
    name_ = opt_prop_def(StringAttr, prop_name="name")
    assume_verified = opt_prop_def(UnitAttr)
    use_local_scope = opt_prop_def(UnitAttr)
    skip_regions = opt_prop_def(UnitAttr)
    irdl_options = (ParsePropInAttrDict(),)
    assembly_format = "$target attr-dict (`:` type($target)^)?"


@irdl_op_definition
class ForeachOp(IRDLOperation):
    """`[%r =] transform.foreach %h [, ...] : T [, ...] [-> T...] { ^bb0(...): ... }`"""

    name = "transform.foreach"
    targets = var_operand_def()
    results_ = var_result_def()
    body = region_def("single_block")
    with_zip_shortest = opt_prop_def(UnitAttr)

    def verify_(self) -> None:
        block = self.body.block
        if len(block.args) != len(self.targets):
            raise VerifyException(f"expects the same number of targets as the body has "
                                  f"block arguments, got {len(self.targets)} and "
                                  f"{len(block.args)}")

    @classmethod
    def parse(cls, parser: Parser) -> ForeachOp:
        names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                  parser.parse_unresolved_operand)
        zip_shortest = parser.parse_optional_keyword("with_zip_shortest") is not None
        parser.parse_punctuation(":")
        types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
        if len(types) != len(names):
            parser.raise_error(f"expected {len(names)} types, got {len(types)}")
        results: list[Any] = []
        if parser.parse_optional_punctuation("->") is not None:
            results = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                                        parser.parse_type)
        body = parser.parse_region()
        attributes = parser.parse_optional_attr_dict()
        _ensure_yield(body)
        return cls.build(operands=[[parser.resolve_operand(n, t)
                                    for n, t in zip(names, types, strict=True)]],
                         result_types=[results], regions=[body], attributes=attributes,
                         properties={"with_zip_shortest": UnitAttr()} if zip_shortest else {})

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_list(self.targets, printer.print_operand)
        if self.with_zip_shortest is not None:
            printer.print_string(" with_zip_shortest")
        printer.print_string(" : ")
        printer.print_list(self.targets.types, printer.print_attribute)
        if self.results:
            printer.print_string(" -> ")
            printer.print_list([r.type for r in self.results], printer.print_attribute)
        printer.print_string(" ")
        printer.print_region(self.body, print_block_terminators=_yields_values(self.body))
        printer.print_op_attributes(self.attributes)


_OPS: tuple[type[Operation], ...] = (
    VectorizeOp, ApplyPatternsOp, CollectMatchingOp, PrintOp, ForeachOp)
