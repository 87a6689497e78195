"""`gpu.binary` (the compiled form of a gpu.module, as `gpu-module-to-binary` leaves it),
which xDSL 0.74 lacks:

    gpu.binary @kernels <#gpu.select_object<1>> [#gpu.object<#nvvm.target, "...">,
                                                 #gpu.object<#rocdl.target, bin = "...">]

xDSL has no attribute for `#gpu.object`, `#gpu.select_object` or the targets
(`#nvvm.target`, `#rocdl.target`); it reads them as opaque attributes, which print back
as written, so this op keeps them as they come and checks what it can: at least one
object, each a `#gpu.object`."""

from __future__ import annotations

from xdsl.dialects.builtin import ArrayAttr, StringAttr, UnregisteredAttr
from xdsl.ir import Attribute, Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    irdl_op_definition,
    opt_prop_def,
    prop_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import SymbolOpInterface
from xdsl.utils.exceptions import VerifyException


def install() -> None:
    """A patch-table row (extensions/patches.py): MLIR's syntax for the other host-side
    op xDSL has in generic form only, `gpu.set_default_device %index` (its format:
    `attr-dict $devIndex`)."""
    from xdsl.dialects import gpu

    from ir_studio.dialects.extensions.formats import attach_format

    attach_format(gpu.SetDefaultDeviceOp, "attr-dict $devIndex")


def ops() -> list[type[Operation]]:
    return [BinaryOp]


def _named(attribute: Attribute, name: str) -> bool:
    return getattr(attribute, "name", None) == name or (
        isinstance(attribute, UnregisteredAttr) and attribute.attr_name.data == name)


def _default_handler(parser: Parser) -> Attribute | None:
    """`#gpu.select_object` with no parameters, which MLIR's parser fills in."""
    opaque = parser.ctx.get_optional_attr("gpu.select_object")
    if opaque is None or not issubclass(opaque, UnregisteredAttr):
        return None
    return opaque("gpu.select_object", False, False, "")


@irdl_op_definition
class BinaryOp(IRDLOperation):
    name = "gpu.binary"
    sym_name = prop_def(StringAttr)
    objects = prop_def(AnyAttr())
    offloadingHandler = opt_prop_def(AnyAttr())
    traits = traits_def(SymbolOpInterface())

    def verify_(self) -> None:
        objects = self.objects
        if not (isinstance(objects, ArrayAttr) and objects.data
                and all(_named(o, "gpu.object") for o in objects.data)):
            raise VerifyException("attribute 'objects' failed to satisfy constraint: an array "
                                  "of GPU object attributes with at least 1 elements")

    @classmethod
    def parse(cls, parser: Parser) -> BinaryOp:
        name = parser.parse_symbol_name()
        handler: Attribute | None = None
        if parser.parse_optional_punctuation("<") is not None:
            handler = parser.parse_attribute()
            parser.parse_punctuation(">")
        else:
            handler = _default_handler(parser)
        attributes = parser.parse_optional_attr_dict()
        start = parser.pos
        objects = parser.parse_attribute()
        if not isinstance(objects, ArrayAttr):
            parser.raise_error("expected a list of GPU objects", start, parser.pos)
        properties: dict[str, Attribute] = {"sym_name": name, "objects": objects}
        if handler is not None:
            properties["offloadingHandler"] = handler
        return cls.create(properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_symbol_name(self.sym_name.data)
        handler = self.offloadingHandler
        if handler is not None and str(handler) != "#gpu.select_object":
            printer.print_string(" <")
            printer.print_attribute(handler)
            printer.print_string(">")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" ")
        printer.print_attribute(self.objects)

