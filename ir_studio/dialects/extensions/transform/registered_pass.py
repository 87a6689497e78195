"""`transform.apply_registered_pass` as MLIR 22 defines it: xDSL 0.74's op takes a
constant options dictionary only, MLIR's also takes option values from transform
parameters (`with options = {"max-iterations" = %p}`), kept in the dictionary as
`#transform.param_operand<index = N>` and passed as extra operands.

    %1 = transform.apply_registered_pass "canonicalize" with options = {"top-down" = false,
        "max-iterations" = %p} to %0 : (!transform.any_op, !transform.param<i64>) -> ...
"""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import (
    DictionaryAttr,
    FunctionType,
    IntegerAttr,
    StringAttr,
    UnregisteredAttr,
)
from xdsl.dialects.transform import TransformHandleType, TransformParamHandleType
from xdsl.ir import Attribute, Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    var_operand_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

_PARAM = "transform.param_operand"


def ops() -> list[type[Operation]]:
    return [ApplyRegisteredPassOp]


def _param_index(value: Attribute) -> int | None:
    """N of `#transform.param_operand<index = N : i64>` (an opaque attribute in xDSL)."""
    if not (isinstance(value, UnregisteredAttr) and value.attr_name.data == _PARAM):
        return None
    text = value.value.data
    digits = text.split("=", 1)[-1].split(":")[0].strip(" <>")
    return int(digits) if digits.lstrip("-").isdigit() else None


def _param_attr(parser: Parser, index: int) -> Attribute:
    opaque = parser.ctx.get_optional_attr(_PARAM)
    if opaque is None or not issubclass(opaque, UnregisteredAttr):
        return IntegerAttr(index, 64)
    return opaque(_PARAM, False, False, f"index = {index} : i64")


@irdl_op_definition
class ApplyRegisteredPassOp(IRDLOperation):
    name = "transform.apply_registered_pass"
    target = operand_def(TransformHandleType)
    dynamic_options = var_operand_def(TransformParamHandleType)
    result = result_def(TransformHandleType)
    pass_name = prop_def(StringAttr)
    options = prop_def(DictionaryAttr, default_value=DictionaryAttr({}))

    def verify_(self) -> None:
        """ApplyRegisteredPassOp::verify: each parameter operand is referred to by
        exactly one option."""
        count = len(self.dynamic_options)
        used: set[int] = set()
        for value in self.options.data.values():
            index = _param_index(value)
            if index is None:
                continue
            if not 0 <= index < count:
                raise VerifyException(f"dynamic option index {index} is out of bounds for "
                                      f"the number of dynamic options: {count}")
            if index in used:
                raise VerifyException(f"dynamic option index {index} is already used in "
                                      f"options")
            used.add(index)
        if len(used) != count:
            raise VerifyException("a param operand does not have a corresponding "
                                  "param_operand attr in the options dict")

    @classmethod
    def parse(cls, parser: Parser) -> ApplyRegisteredPassOp:
        pass_name = parser.parse_str_literal()
        options: dict[str, Attribute] = {}
        dynamic: list[Any] = []
        if parser.parse_optional_keyword("with") is not None:
            parser.parse_keyword("options")
            parser.parse_punctuation("=")

            def entry() -> None:
                key = parser.parse_optional_str_literal()
                if key is None:
                    key = parser.parse_identifier()
                parser.parse_punctuation("=")
                if parser._current_token.text.startswith("%"):  # no public peek
                    options[key] = _param_attr(parser, len(dynamic))
                    dynamic.append(parser.parse_unresolved_operand())
                else:
                    options[key] = parser.parse_attribute()

            parser.parse_comma_separated_list(Parser.Delimiter.BRACES, entry)
        parser.parse_keyword("to")
        target = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        function = parser.parse_function_type()
        inputs = function.inputs.data
        if len(inputs) != 1 + len(dynamic):
            # The functional-type directive's check, reported at the op (a parse error
            # raised as VerifyException is placed there).
            raise VerifyException(f"number of operands and types do not match: got "
                                  f"{1 + len(dynamic)} operands and {len(inputs)} types")
        if len(function.outputs.data) != 1:
            raise VerifyException(f"expected 1 result type, got {len(function.outputs.data)}")
        operands = [parser.resolve_operand(name, t)
                    for name, t in zip([target, *dynamic], inputs, strict=True)]
        return cls.create(operands=operands, result_types=list(function.outputs.data),
                          properties={"pass_name": StringAttr(pass_name),
                                      "options": DictionaryAttr(options)},
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_attribute(self.pass_name)
        if self.options.data:
            printer.print_string(" with options = {")
            items = list(self.options.data.items())
            for number, (key, value) in enumerate(items):
                printer.print_string(", " if number else "")
                printer.print_identifier_or_string_literal(key)
                printer.print_string(" = ")
                index = _param_index(value)
                if index is not None and index < len(self.dynamic_options):
                    printer.print_operand(self.dynamic_options[index])
                else:
                    printer.print_attribute(value)
            printer.print_string("}")
        printer.print_string(" to ")
        printer.print_operand(self.target)
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([v.type for v in self.operands],
                                                        [self.result.type]))
