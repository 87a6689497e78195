"""The transform ops of `ops_table.OPTIONS` (generated from MLIR 22's records):
pattern sets and similar ops written as keyword options,

    transform.apply_patterns.vector.lower_contraction lowering_strategy = outerproduct
    transform.apply_patterns.vector.transfer_to_scf max_transfer_rank = 1 full_unroll = true
    transform.apply_patterns.memref.alloc_to_alloca size_limit(32)
    transform.apply_patterns.tensor.rewrite_as_constant aggressive

kept as MLIR keeps them (enum options as i32 case values, integer options as
integers, flags as unit attributes) and printed as mlir-opt prints them: options at
their default value are left out."""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseArrayBase,
    FunctionType,
    IntegerAttr,
    IntegerType,
    StringAttr,
    UnitAttr,
    i1,
    i32,
    i64,
)
from xdsl.ir import Attribute, Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import consumed_end
from ir_studio.dialects.extensions.transform.ops_table import FUNCTIONAL_OPTIONS, OPTIONS

Option = tuple[str, str, str, str, tuple[tuple[str, int], ...], object]


def ops() -> list[type[Operation]]:
    if not _OPS:
        _OPS.extend(_define(name, options) for name, options in sorted(OPTIONS.items()))
        _OPS.extend(_define(name, options, FunctionalOptionsOp)
                    for name, (options, _) in sorted(FUNCTIONAL_OPTIONS.items()))
    return list(_OPS)


_OPS: list[type[Operation]] = []


def _parse_value(parser: Parser, option: Option) -> Attribute:
    _, name, _, kind, cases, _ = option
    start = parser._current_token.span.start  # no public peek
    if kind == "enum":
        word = parser.parse_optional_str_literal()
        if word is None:
            word = parser.parse_identifier()
        values = dict(cases)
        if word not in values:
            listed = ", ".join(c for c, _ in cases)
            parser.raise_error(f"expected string or keyword containing one of the following "
                               f"enum values for attribute '{name}' [{listed}]", start,
                               consumed_end(parser))
        return IntegerAttr(values[word], i32)
    if kind == "bool":
        return IntegerAttr(int(parser.parse_boolean()), i1)
    if kind in ("dense", "array"):
        values = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE,
                                                   parser.parse_integer)
        if kind == "dense":
            return DenseArrayBase.from_list(i64, values)
        return ArrayAttr([IntegerAttr(v, i64) for v in values])
    if kind == "str":
        return StringAttr(parser.parse_str_literal())
    if kind == "attr":
        return parser.parse_attribute()
    return IntegerAttr(parser.parse_integer(allow_boolean=False), IntegerType(int(kind[1:])))


def _print_value(option: Option, value: Attribute) -> str:
    kind, cases = option[3], option[4]
    if kind == "attr":
        return str(value)
    if isinstance(value, DenseArrayBase):
        return "[" + ", ".join(str(v) for v in value.get_values()) + "]"
    if isinstance(value, ArrayAttr):
        return "[" + ", ".join(str(getattr(v, "value", v).data) for v in value.data) + "]"
    number = value.value.data if isinstance(value, IntegerAttr) else None
    if kind == "enum":
        word = next((c for c, v in cases if v == number), str(number))
        return word if word.replace("_", "a").isalnum() and not word[0].isdigit() \
            else f'"{word}"'
    if kind == "bool":
        return "true" if number else "false"
    if kind == "str" and isinstance(value, StringAttr):
        return f'"{value.data}"'
    return str(number)


def _is_default(option: Option, value: Attribute) -> bool:
    default = option[5]
    if default is None:
        return False
    if isinstance(value, IntegerAttr):
        return value.value.data == int(default)  # pyright: ignore[reportArgumentType]  # the generated defaults are ints and bools for these kinds
    return isinstance(value, StringAttr) and value.data == default


class OptionsTransformOp(IRDLOperation):
    OPTIONS: ClassVar[tuple[Option, ...]] = ()

    def verify_(self) -> None:
        for option in self.OPTIONS:
            value = self.properties.get(option[1])
            kind = option[3]
            if value is None:
                continue
            if kind == "enum" and not (isinstance(value, IntegerAttr)
                                       and value.value.data in dict(option[4]).values()):
                raise VerifyException(f"attribute '{option[1]}' failed to satisfy constraint: "
                                      f"one of the enum cases {[c for c, _ in option[4]]}")
            if kind == "unit" and not isinstance(value, UnitAttr):
                raise VerifyException(f"attribute '{option[1]}' failed to satisfy constraint: "
                                      f"unit attribute")

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        properties, attributes = cls.parse_options(parser)
        return cls.create(properties=properties, attributes=attributes)

    @classmethod
    def parse_options(cls, parser: Parser) -> tuple[dict[str, Attribute],
                                                    dict[str, Attribute]]:
        properties: dict[str, Attribute] = {}
        by_keyword = {option[0]: option for option in cls.OPTIONS}
        seen: set[str] = set()
        while True:
            word = parser._current_token.text  # no public peek
            option = by_keyword.get(word)
            if option is None or option[0] in seen:
                break
            parser.parse_keyword(word)
            seen.add(option[0])
            syntax = option[2]
            if syntax == "literal":
                continue
            if syntax == "unit":
                properties[option[1]] = UnitAttr()
                continue
            if syntax == "paren":
                parser.parse_punctuation("(")
                properties[option[1]] = _parse_value(parser, option)
                parser.parse_punctuation(")")
                continue
            parser.parse_punctuation("=")
            properties[option[1]] = _parse_value(parser, option)
        for option in cls.OPTIONS:
            if option[2] == "literal" and option[0] not in seen:
                parser.raise_error(f"expected '{option[0]}'")
        attributes = dict(parser.parse_optional_attr_dict())
        names = {option[1] for option in cls.OPTIONS if option[1]}
        properties.update({k: v for k, v in attributes.items() if k in names})
        return properties, {k: v for k, v in attributes.items() if k not in names}

    def print(self, printer: Printer) -> None:
        self.print_options(printer)

    def print_options(self, printer: Printer) -> None:
        for option in self.OPTIONS:
            if option[2] == "literal":
                printer.print_string(f" {option[0]}")
                continue
            value = self.properties.get(option[1])
            if value is None or _is_default(option, value):
                continue
            keyword, _, syntax = option[0], option[1], option[2]
            if syntax == "unit":
                printer.print_string(f" {keyword}")
            elif syntax == "paren":
                printer.print_string(f" {keyword}({_print_value(option, value)})")
            else:
                printer.print_string(f" {keyword} = {_print_value(option, value)}")
        printer.print_op_attributes(self.attributes)


class FunctionalOptionsOp(OptionsTransformOp):
    """`%target <options> attr-dict : (T) -> R...` (transform.gpu.map_forall_to_blocks,
    map_nested_forall_to_threads, ...)."""

    target = operand_def()
    results_ = var_result_def()

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        target = parser.parse_unresolved_operand()
        properties, attributes = cls.parse_options(parser)
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        if len(function.inputs) != 1:
            raise VerifyException(f"number of operands and types do not match: got 1 "
                                  f"operands and {len(function.inputs)} types")
        return cls.create(operands=[parser.resolve_operand(target, function.inputs.data[0])],
                          result_types=list(function.outputs.data), properties=properties,
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.target)
        self.print_options(printer)
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([self.target.type],
                                                        [r.type for r in self.results]))


def _define(full_name: str, options: tuple[Option, ...],
            base: type[OptionsTransformOp] = OptionsTransformOp) -> type[Operation]:
    fields = {option[1]: opt_prop_def(Attribute) for option in options if option[1]}
    Defined = type("Defined", (base,), {
        "name": full_name, "OPTIONS": options, "__module__": __name__,
        "__annotations__": {"OPTIONS": "ClassVar[tuple[Option, ...]]"}, **fields})
    Defined.__name__ = Defined.__qualname__ = "".join(
        part.title() for part in full_name.replace(".", "_").split("_")) + "Op"
    return irdl_op_definition(Defined)
