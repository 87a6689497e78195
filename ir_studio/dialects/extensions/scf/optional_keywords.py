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
    parse_rest = scf.ForOp.parse.__func__
    print_rest = scf.ForOp.print

    def parse(cls: type[Any], parser: Parser) -> Any:
        unsigned = parser.parse_optional_keyword("unsigned") is not None
        op = parse_rest(cls, parser)
        if unsigned:
            op.properties["unsignedCmp"] = UnitAttr()
        return op

    def print_op(self: Any, printer: Printer) -> None:
        if isinstance(self.properties.get("unsignedCmp"), UnitAttr):
            printer.print_string(" unsigned")
        print_rest(self, printer)

    scf.ForOp.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    scf.ForOp.print = print_op

