"""`scf.for unsigned %i = ...` (unsigned bound comparison), an optional word MLIR 22 reads
and xDSL 0.74 does not: `unsignedCmp` is added to xDSL's scf.for as the property MLIR
has. (The float casts' optional words are in `extensions/arith/optional_keywords.py`.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xdsl.dialects import scf
from xdsl.dialects.builtin import UnitAttr
from xdsl.ir import Operation
from xdsl.parser import Parser
from xdsl.printer import Printer


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    _wrap_for()


def without(op: Operation, names: tuple[str, ...], print_rest: Callable[[Any, Printer], None],
             printer: Printer) -> None:
    """Print with xDSL's printer while the attributes shown as words are set aside."""
    saved = {name: op.attributes.pop(name) for name in names if name in op.attributes}
    try:
        print_rest(op, printer)
    finally:
        op.attributes.update(saved)


def _wrap_for() -> None:
    from xdsl.irdl import base
    from xdsl.irdl.operations import OptPropertyDef

    # MLIR's generic form has `<{unsignedCmp}>`: a property, as MLIR declares it
    scf.ForOp.get_irdl_definition().properties.setdefault(
        "unsignedCmp", OptPropertyDef(base(UnitAttr)))
    print_rest = scf.ForOp.print

    def parse(cls: type[Any], parser: Parser) -> Any:
        unsigned = parser.parse_optional_keyword("unsigned") is not None
        op = _parse_for(cls, parser)
        if unsigned:
            op.properties["unsignedCmp"] = UnitAttr()
        return op

    def print_op(self: Any, printer: Printer) -> None:
        if isinstance(self.properties.get("unsignedCmp"), UnitAttr):
            printer.print_string(" unsigned")
        print_rest(self, printer)

    scf.ForOp.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    scf.ForOp.print = print_op



def _parse_for(cls: type[Any], parser: Parser) -> Any:
    """MLIR's ForOp::parse: as xDSL's, but the iter_args' result types are
    `parseOptionalArrowTypeList` (`-> i32` as well as `-> (i32, f32)`), which xDSL's
    parser reads only in parentheses."""
    from xdsl.dialects.builtin import IndexType
    from xdsl.dialects.utils import parse_assignment
    from xdsl.traits import SingleBlockImplicitTerminator, ensure_terminator

    from ir_studio.dialects.extensions.formats import parse_types_after_arrow

    unresolved_indvar = parser.parse_argument(expect_type=False)
    parser.parse_punctuation("=")
    lb = parser.parse_unresolved_operand()
    parser.parse_keyword("to")
    ub = parser.parse_unresolved_operand()
    parser.parse_keyword("step")
    step = parser.parse_unresolved_operand()
    pos = parser.pos
    iter_args_unresolved: list[Any] = []
    iter_operands: list[Any] = []
    iter_types: list[Any] = []
    if parser.parse_optional_keyword("iter_args"):
        for argument, operand in parser.parse_comma_separated_list(
                Parser.Delimiter.PAREN, lambda: parse_assignment(parser)):
            iter_args_unresolved.append(argument)
            iter_operands.append(operand)
        parser.parse_punctuation("->")
        iter_types = parse_types_after_arrow(parser)
    resolved_iter = parser.resolve_operands(iter_operands, iter_types, pos)
    iter_args = [a.resolve(t) for a, t in zip(iter_args_unresolved, iter_types, strict=False)]
    indvar_type = parser.parse_type() if parser.parse_optional_punctuation(":") else IndexType()
    body = parser.parse_region((unresolved_indvar.resolve(indvar_type), *iter_args))
    attrs = parser.parse_optional_attr_dict()
    op = cls(parser.resolve_operand(lb, indvar_type), parser.resolve_operand(ub, indvar_type),
             parser.resolve_operand(step, indvar_type), resolved_iter, body)
    op.attributes |= attrs
    if not iter_args:
        for trait in op.get_traits_of_type(SingleBlockImplicitTerminator):
            ensure_terminator(op, trait)
    return op

