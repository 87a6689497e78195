"""`llvm.load` / `llvm.store` with all of MLIR 22's words, `llvm.alloca inalloca`,
`llvm.mlir.zero` of any LLVM-compatible type, and `llvm.intr.vector.insert/extract`:

    %v = llvm.load volatile %p atomic syncscope("singlethread") monotonic
        invariant_group {alignment = 16 : i64} : !llvm.ptr -> f32
    llvm.store %v, %p atomic monotonic invariant_group : f32, !llvm.ptr
    %a = llvm.alloca inalloca %n x i32 {alignment = 8} : (i64) -> !llvm.ptr
    %z = llvm.mlir.zero : i8
    %w = llvm.intr.vector.insert %small, %big[0] : vector<4xf32> into vector<[4]xf32>

xDSL 0.74 reads only `atomic <ordering>` on loads and stores, `%n x T` on allocas and
pointer zeros."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import llvm
from xdsl.dialects.builtin import IntegerAttr, StringAttr, UnitAttr, VectorType, i64
from xdsl.ir import Operation
from xdsl.irdl import (
    AnyAttr,
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.irdl.operations import OptPropertyDef
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure

from ir_studio.dialects.extensions.formats import (
    parse_positioned_slice,
    parse_word_from,
    print_positioned_slice,
    replace_constraints,
)

# LLVM's atomic orderings with MLIR's enum values (llvm.ops and sync_ops read them too).
ORDERINGS = {"not_atomic": 0, "unordered": 1, "monotonic": 2, "acquire": 4, "release": 5,
             "acq_rel": 6, "seq_cst": 7}

_NAMES = {number: name for name, number in ORDERINGS.items()}
_LOAD_FLAGS = ("invariant", "invariant_group", "nontemporal")
_STORE_FLAGS = ("invariant_group", "nontemporal")
# keyword -> MLIR's property name
_PROPERTY = {"invariant": "invariant", "invariant_group": "invariantGroup",
             "nontemporal": "nontemporal"}


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    for cls, flags in ((llvm.LoadOp, _LOAD_FLAGS), (llvm.StoreOp, _STORE_FLAGS)):
        properties = cls.get_irdl_definition().properties
        for name in (*(_PROPERTY[f] for f in flags), "volatile_"):
            properties.setdefault(name, OptPropertyDef(base(UnitAttr)))
        properties.setdefault("syncscope", OptPropertyDef(base(StringAttr)))
    llvm.LoadOp.parse = classmethod(_parse_load)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    llvm.LoadOp.print = _print_load
    llvm.StoreOp.parse = classmethod(_parse_store)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    llvm.StoreOp.print = _print_store
    llvm.AllocaOp.get_irdl_definition().properties.setdefault(
        "inalloca", OptPropertyDef(base(UnitAttr)))
    parse_alloca = llvm.AllocaOp.parse.__func__
    print_alloca = llvm.AllocaOp.print

    def alloca(cls: type[Any], parser: Parser) -> Any:
        inalloca = parser.parse_optional_keyword("inalloca") is not None
        op = parse_alloca(cls, parser)
        if inalloca:
            op.properties["inalloca"] = UnitAttr()
        return op

    def print_op(self: Any, printer: Printer) -> None:
        if self.properties.get("inalloca") is None:
            print_alloca(self, printer)
            return
        printer.print_string(" inalloca")
        flag = self.properties.pop("inalloca")
        try:
            print_alloca(self, printer)
        finally:
            self.properties["inalloca"] = flag

    llvm.AllocaOp.parse = classmethod(alloca)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    llvm.AllocaOp.print = print_op
    replace_constraints(llvm.ZeroOp, {"res": AnyAttr()})


def _parse_atomic(parser: Parser, properties: dict[str, Any]) -> None:
    if parser.parse_optional_keyword("atomic") is None:
        return
    if parser.parse_optional_keyword("syncscope") is not None:
        parser.parse_punctuation("(")
        properties["syncscope"] = StringAttr(parser.parse_str_literal())
        parser.parse_punctuation(")")
    properties["ordering"] = IntegerAttr(ORDERINGS[parse_word_from(parser, tuple(ORDERINGS))],
                                         i64)


def _parse_flags(parser: Parser, flags: tuple[str, ...], properties: dict[str, Any]) -> None:
    for flag in flags:
        if parser.parse_optional_keyword(flag) is not None:
            properties[_PROPERTY.get(flag, flag)] = UnitAttr()


def _split(attributes: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    if "alignment" in attributes:
        properties["alignment"] = attributes.pop("alignment")
    return attributes


def _parse_load(cls: type[Any], parser: Parser) -> Any:
    properties: dict[str, Any] = {}
    if parser.parse_optional_keyword("volatile") is not None:
        properties["volatile_"] = UnitAttr()
    ptr = parser.parse_unresolved_operand()
    _parse_atomic(parser, properties)
    _parse_flags(parser, _LOAD_FLAGS, properties)
    attributes = _split(dict(parser.parse_optional_attr_dict()), properties)
    parser.parse_punctuation(":")
    ptr_type = parser.parse_type()
    parser.parse_punctuation("->")
    result_type = parser.parse_type()
    properties.setdefault("ordering", IntegerAttr(0, i64))
    return cls.create(operands=[parser.resolve_operand(ptr, ptr_type)],
                      result_types=[result_type], properties=properties,
                      attributes=attributes)


def _parse_store(cls: type[Any], parser: Parser) -> Any:
    properties: dict[str, Any] = {}
    if parser.parse_optional_keyword("volatile") is not None:
        properties["volatile_"] = UnitAttr()
    value = parser.parse_unresolved_operand()
    parser.parse_punctuation(",")
    ptr = parser.parse_unresolved_operand()
    _parse_atomic(parser, properties)
    _parse_flags(parser, _STORE_FLAGS, properties)
    attributes = _split(dict(parser.parse_optional_attr_dict()), properties)
    parser.parse_punctuation(":")
    value_type = parser.parse_type()
    parser.parse_punctuation(",")
    ptr_type = parser.parse_type()
    return cls.create(operands=[parser.resolve_operand(value, value_type),
                                parser.resolve_operand(ptr, ptr_type)],
                      properties=properties, attributes=attributes)


def _print_words(op: Any, printer: Printer, flags: tuple[str, ...]) -> None:
    ordering = op.properties.get("ordering")
    if isinstance(ordering, IntegerAttr) and ordering.value.data != 0:
        printer.print_string(" atomic")
        scope = op.properties.get("syncscope")
        if isinstance(scope, StringAttr):
            printer.print_string(" syncscope(")
            printer.print_string_literal(scope.data)
            printer.print_string(")")
        printer.print_string(f" {_NAMES.get(ordering.value.data, 'monotonic')}")
    for flag in flags:
        if op.properties.get(_PROPERTY[flag]) is not None:
            printer.print_string(f" {flag}")
    alignment = op.properties.get("alignment")
    printer.print_op_attributes({**({"alignment": alignment} if alignment else {}),
                                 **op.attributes})


def _print_load(self: Any, printer: Printer) -> None:
    if self.properties.get("volatile_") is not None:
        printer.print_string(" volatile")
    printer.print_string(" ")
    printer.print_operand(self.ptr)
    _print_words(self, printer, _LOAD_FLAGS)
    printer.print_string(" : ")
    printer.print_attribute(self.ptr.type)
    printer.print_string(" -> ")
    printer.print_attribute(self.dereferenced_value.type)


def _print_store(self: Any, printer: Printer) -> None:
    if self.properties.get("volatile_") is not None:
        printer.print_string(" volatile")
    printer.print_string(" ")
    printer.print_list((self.value, self.ptr), printer.print_operand)
    _print_words(self, printer, _STORE_FLAGS)
    printer.print_string(" : ")
    printer.print_attribute(self.value.type)
    printer.print_string(", ")
    printer.print_attribute(self.ptr.type)


def ops() -> list[type[Operation]]:
    return [VectorInsertOp, VectorExtractOp]


@irdl_op_definition
class VectorInsertOp(IRDLOperation):
    """`llvm.intr.vector.insert %small, %big[pos] : vector<4xf32> into vector<[4]xf32>`"""

    name = "llvm.intr.vector.insert"
    dstvec = operand_def(VectorType)  # MLIR's operand order: dstvec, then srcvec
    srcvec = operand_def(VectorType)
    pos = prop_def(IntegerAttr)
    res = result_def(VectorType)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> VectorInsertOp:
        (source, dest), position, attributes, _, dest_type = parse_positioned_slice(
            parser, "into")
        return cls.create(operands=[dest, source], result_types=[dest_type],
                          attributes=attributes,
                          properties={"pos": IntegerAttr(position, i64)})

    def print(self, printer: Printer) -> None:
        print_positioned_slice(printer, (self.srcvec, self.dstvec), self.pos.value.data,
                               self.attributes, self.srcvec.type, "into", self.dstvec.type)


@irdl_op_definition
class VectorExtractOp(IRDLOperation):
    """`llvm.intr.vector.extract %big[pos] : vector<8xf32> from vector<[4]xf32>`"""

    name = "llvm.intr.vector.extract"
    srcvec = operand_def(VectorType)
    pos = prop_def(IntegerAttr)
    res = result_def(VectorType)
    traits = traits_def(Pure())

    @classmethod
    def parse(cls, parser: Parser) -> VectorExtractOp:
        operands, position, attributes, result_type, _ = parse_positioned_slice(parser, "from")
        return cls.create(operands=operands, result_types=[result_type],
                          attributes=attributes,
                          properties={"pos": IntegerAttr(position, i64)})

    def print(self, printer: Printer) -> None:
        print_positioned_slice(printer, (self.srcvec,), self.pos.value.data, self.attributes,
                               self.res.type, "from", self.srcvec.type)
