"""LLVM ops xDSL 0.74 lacks, with MLIR's syntax: atomics and synchronisation
(`cmpxchg`, `fence`), `va_arg`, `resume`, and the module-level constructor and destructor
lists (`mlir.global_ctors`, `mlir.global_dtors`).

    %r = llvm.cmpxchg weak %p, %old, %new acq_rel monotonic : !llvm.ptr, i32
    llvm.fence syncscope("agent") release
    llvm.mlir.global_ctors ctors = [@init], priorities = [0 : i32], data = [#llvm.zero]

Orderings are stored as MLIR's enum numbers, as for `llvm.atomicrmw`."""

from __future__ import annotations

from typing import Any, ClassVar

from xdsl.dialects import llvm
from xdsl.dialects.builtin import (
    ArrayAttr,
    IntegerAttr,
    StringAttr,
    SymbolRefAttr,
    UnitAttr,
    i1,
    i32,
    i64,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsTerminator
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_word_from
from ir_studio.dialects.extensions.llvm.ops import ORDERINGS

_NAMES = {number: name for name, number in ORDERINGS.items()}


def ops() -> list[type[Operation]]:
    return [CmpXchgOp, FenceOp, VaArgOp, ResumeOp, GlobalCtorsOp, GlobalDtorsOp]


def _ordering(parser: Parser) -> IntegerAttr:
    return IntegerAttr(ORDERINGS[parse_word_from(parser, tuple(ORDERINGS))], i64)


def _syncscope(parser: Parser, properties: dict[str, Any]) -> None:
    if parser.parse_optional_keyword("syncscope") is not None:
        parser.parse_punctuation("(")
        properties["syncscope"] = StringAttr(parser.parse_str_literal())
        parser.parse_punctuation(")")


def _print_syncscope(printer: Printer, op: Any) -> None:
    scope = op.properties.get("syncscope")
    if isinstance(scope, StringAttr):
        printer.print_string(" syncscope(")
        printer.print_string_literal(scope.data)
        printer.print_string(")")


@irdl_op_definition
class CmpXchgOp(IRDLOperation):
    name = "llvm.cmpxchg"
    ptr = operand_def(llvm.LLVMPointerType)
    cmp = operand_def()
    val = operand_def()
    res = result_def(llvm.LLVMStructType)
    success_ordering = prop_def(IntegerAttr)
    failure_ordering = prop_def(IntegerAttr)
    syncscope = opt_prop_def(StringAttr)
    alignment = opt_prop_def(IntegerAttr)
    weak = opt_prop_def(UnitAttr)
    volatile_ = opt_prop_def(UnitAttr)

    @classmethod
    def parse(cls, parser: Parser) -> CmpXchgOp:
        properties: dict[str, Any] = {}
        for word, name in (("weak", "weak"), ("volatile", "volatile_")):
            if parser.parse_optional_keyword(word) is not None:
                properties[name] = UnitAttr()
        names = [parser.parse_unresolved_operand()]
        for _ in range(2):
            parser.parse_punctuation(",")
            names.append(parser.parse_unresolved_operand())
        _syncscope(parser, properties)
        properties["success_ordering"] = _ordering(parser)
        properties["failure_ordering"] = _ordering(parser)
        attributes = dict(parser.parse_optional_attr_dict())
        if "alignment" in attributes:
            properties["alignment"] = attributes.pop("alignment")
        parser.parse_punctuation(":")
        ptr_type = parser.parse_type()
        parser.parse_punctuation(",")
        value_type = parser.parse_type()
        return cls.create(
            operands=[parser.resolve_operand(names[0], ptr_type),
                      parser.resolve_operand(names[1], value_type),
                      parser.resolve_operand(names[2], value_type)],
            result_types=[llvm.LLVMStructType.from_type_list([value_type, i1])],
            properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        for word, name in (("weak", "weak"), ("volatile", "volatile_")):
            if self.properties.get(name) is not None:
                printer.print_string(f" {word}")
        printer.print_string(" ")
        printer.print_list((self.ptr, self.cmp, self.val), printer.print_operand)
        _print_syncscope(printer, self)
        printer.print_string(f" {_NAMES.get(self.success_ordering.value.data, '?')}"
                             f" {_NAMES.get(self.failure_ordering.value.data, '?')}")
        extra = {"alignment": self.alignment} if self.alignment is not None else {}
        printer.print_op_attributes({**extra, **self.attributes})
        printer.print_string(" : ")
        printer.print_attribute(self.ptr.type)
        printer.print_string(", ")
        printer.print_attribute(self.val.type)

    def verify_(self) -> None:
        if self.cmp.type != self.val.type:
            raise VerifyException("expected LLVM IR element type for operand #1 to match "
                                  "type for operand #2")
        if self.res.type != llvm.LLVMStructType.from_type_list([self.val.type, i1]):
            raise VerifyException("expected the result to be !llvm.struct<(T, i1)>")


@irdl_op_definition
class FenceOp(IRDLOperation):
    name = "llvm.fence"
    ordering = prop_def(IntegerAttr)
    syncscope = opt_prop_def(StringAttr)

    @classmethod
    def parse(cls, parser: Parser) -> FenceOp:
        properties: dict[str, Any] = {}
        _syncscope(parser, properties)
        properties["ordering"] = _ordering(parser)
        return cls.create(properties=properties, attributes=parser.parse_optional_attr_dict())

    def print(self, printer: Printer) -> None:
        _print_syncscope(printer, self)
        printer.print_string(f" {_NAMES.get(self.ordering.value.data, '?')}")
        printer.print_op_attributes(self.attributes)


@irdl_op_definition
class VaArgOp(IRDLOperation):
    """`%v = llvm.va_arg %list : (!llvm.ptr) -> i32`"""

    name = "llvm.va_arg"
    arg = operand_def(llvm.LLVMPointerType)
    res = result_def()
    assembly_format = "$arg attr-dict `:` functional-type($arg, $res)"


@irdl_op_definition
class ResumeOp(IRDLOperation):
    """`llvm.resume %exception : !llvm.struct<(ptr, i32)>`"""

    name = "llvm.resume"
    value = operand_def()
    traits = traits_def(IsTerminator())
    assembly_format = "$value attr-dict `:` type($value)"


class _StructorsOp(IRDLOperation):
    """`llvm.mlir.global_ctors ctors = [@f], priorities = [0 : i32], data = [...]`"""

    KEYWORD: ClassVar[str] = ""
    priorities = prop_def(ArrayAttr)
    data = opt_prop_def(ArrayAttr)

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        properties: dict[str, Any] = {}
        for index, name in enumerate((cls.KEYWORD, "priorities", "data")):
            if index:
                if name == "data" and parser.parse_optional_punctuation(",") is None:
                    break
                if name != "data":
                    parser.parse_punctuation(",")
            parser.parse_keyword(name)
            parser.parse_punctuation("=")
            pos = parser.pos
            value = parser.parse_attribute()
            if not isinstance(value, ArrayAttr):
                parser.raise_error(f"expected an array for '{name}'", pos, parser.pos)
            properties[name] = value
        return cls.create(properties=properties, attributes=parser.parse_optional_attr_dict())

    def print(self, printer: Printer) -> None:
        for index, name in enumerate((self.KEYWORD, "priorities", "data")):
            value = self.properties.get(name)
            if value is None:
                continue
            printer.print_string(f"{',' if index else ''} {name} = ")
            printer.print_attribute(value)
        printer.print_op_attributes(self.attributes)

    def verify_(self) -> None:
        """GlobalCtorsOp/GlobalDtorsOp::verify and their ODS constraints (MLIR 22
        requires `data`); whether each name is a defined llvm.func is a symbol check
        (ir_studio.llvm_symbol_checks)."""
        listed = self.properties[self.KEYWORD]
        assert isinstance(listed, ArrayAttr)
        if not all(isinstance(s, SymbolRefAttr) and not s.nested_references.data
                   for s in listed.data):
            raise VerifyException(f"attribute '{self.KEYWORD}' failed to satisfy constraint: "
                                  "flat symbol ref array attribute")
        if not all(isinstance(p, IntegerAttr) and p.type == i32 for p in self.priorities.data):
            raise VerifyException("attribute 'priorities' failed to satisfy constraint: 32-bit "
                                  "integer array attribute")
        data = self.data.data if self.data is not None else ()
        if not len(listed.data) == len(self.priorities.data) == len(data):
            raise VerifyException(f"{self.KEYWORD}, priorities, and data must have the same "
                                  "number of elements")


@irdl_op_definition
class GlobalCtorsOp(_StructorsOp):
    name = "llvm.mlir.global_ctors"
    KEYWORD: ClassVar[str] = "ctors"
    ctors = prop_def(ArrayAttr)


@irdl_op_definition
class GlobalDtorsOp(_StructorsOp):
    name = "llvm.mlir.global_dtors"
    KEYWORD: ClassVar[str] = "dtors"
    dtors = prop_def(ArrayAttr)

