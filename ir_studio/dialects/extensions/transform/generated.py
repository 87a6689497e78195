"""The transform ops of `ops_table.py` (generated from MLIR 22's records), one
class per op with the parser and printer of its syntax shape:

    functional      %h attr-dict : (T) -> R...        transform.loop.outline, ...
    typed           %h attr-dict : T                  transform.loop.unroll, ...
    to_typed        to %h attr-dict : T               transform.apply_licm, ...
    attributes      attr-dict                         transform.apply_patterns.*, ...

Handles are `!transform.*` values whose kinds MLIR checks when it runs the schedule; the
ops' attributes (`{factor = 4}`, ...) are kept as written."""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects.builtin import FunctionType
from xdsl.ir import Attribute, Operation
from xdsl.irdl import (
    IRDLOperation,
    ParsePropInAttrDict,
    irdl_op_definition,
    opt_prop_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.transform.ops_table import SHAPES


def ops() -> list[type[Operation]]:
    if not _OPS:
        from xdsl.dialects.transform import Transform

        defined = {op.name for op in Transform.operations}
        _OPS.extend(_define(name, shape, attributes)
                    for name, (shape, attributes) in sorted(SHAPES.items())
                    if name not in defined)
    return list(_OPS)


_OPS: list[type[Operation]] = []


class ShapedTransformOp(IRDLOperation):
    """Base of the generated ops: `SHAPE` picks the syntax; the op's attributes (written
    in its attribute dictionary) are properties, as in MLIR's generic form."""

    SHAPE: ClassVar[str] = "attributes"
    handles = var_operand_def()
    results_ = var_result_def()
    irdl_options = (ParsePropInAttrDict(),)

    def verify_(self) -> None:
        wanted = 0 if self.SHAPE == "attributes" else 1
        if len(self.handles) != wanted:
            raise VerifyException(f"expected {wanted} operand(s), got {len(self.handles)}")
        if self.SHAPE in ("typed", "to_typed", "attributes") and self.results:
            raise VerifyException("expected no results")

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        if cls.SHAPE == "attributes":
            return cls._create(parser, [], [], parser.parse_optional_attr_dict())
        if cls.SHAPE == "to_typed":
            parser.parse_keyword("to")
        handle = parser.parse_unresolved_operand()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        pos = parser.pos
        if cls.SHAPE in ("typed", "to_typed"):
            return cls._create(parser, [parser.resolve_operand(handle, parser.parse_type())],
                               [], attributes)
        written = parser.parse_type()
        if isinstance(written, FunctionType):
            if len(written.inputs) != 1:
                parser.raise_error(f"expected 1 operand type, got {len(written.inputs)}",
                                   pos, parser.pos)
            operand_type, results = written.inputs.data[0], list(written.outputs.data)
        else:
            parser.raise_error("expected a function type `(T) -> ...`", pos, parser.pos)
        return cls._create(parser, [parser.resolve_operand(handle, operand_type)], results,
                           attributes)

    @classmethod
    def _create(cls, parser: Parser, operands: list[Any], results: list[Any],
                attributes: dict[str, Any]) -> Any:
        names = cls.get_irdl_definition().properties
        properties = {k: v for k, v in attributes.items() if k in names}
        rest = {k: v for k, v in attributes.items() if k not in names}
        return cls.build(operands=[operands], result_types=[results],
                         properties=properties, attributes=rest)

    def print(self, printer: Printer) -> None:
        shown = {**self.properties, **self.attributes}
        if self.SHAPE == "attributes":
            printer.print_op_attributes(shown)
            return
        printer.print_string(" to " if self.SHAPE == "to_typed" else " ")
        printer.print_operand(self.handles[0])
        printer.print_op_attributes(shown)
        printer.print_string(" : ")
        handle_type = self.handles[0].type
        result_types = [r.type for r in self.results]
        if self.SHAPE in ("typed", "to_typed"):
            printer.print_attribute(handle_type)
        else:
            printer.print_attribute(FunctionType.from_lists([handle_type], result_types))


def _define(full_name: str, shape: str, attributes: tuple[str, ...]) -> type[Operation]:
    fields = {name: opt_prop_def(Attribute) for name in attributes}
    Generated = type("Generated", (ShapedTransformOp,), {
        "name": full_name, "SHAPE": shape, "__module__": __name__,
        "__annotations__": {"SHAPE": "ClassVar[str]"}, **fields})

    Generated.__name__ = Generated.__qualname__ = "".join(
        part.title() for part in full_name.replace(".", "_").split("_")) + "Op"
    return irdl_op_definition(Generated)
