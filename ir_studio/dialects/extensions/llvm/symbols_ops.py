"""LLVM global symbols xDSL 0.74 lacks: COMDAT groups (`llvm.comdat` holding
`llvm.comdat_selector`s, which globals and functions name with `comdat(@c::@sel)`),
global aliases (`llvm.mlir.alias`), indirect functions (`llvm.mlir.ifunc`) and
`llvm.dso_local_equivalent`.

    llvm.comdat @__llvm_comdat {
      llvm.comdat_selector @any any
    }
    llvm.mlir.alias external @a : i32 {
      %0 = llvm.mlir.addressof @g : !llvm.ptr
      llvm.return %0 : !llvm.ptr
    }
    llvm.mlir.ifunc external @f : !llvm.func<void ()>, !llvm.ptr @resolver

Checks that need another top-level symbol (the resolver of an ifunc, the selector a
`comdat(...)` names) are in ir_studio.llvm_symbol_checks."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import llvm
from xdsl.dialects.builtin import IntegerAttr, StringAttr, SymbolRefAttr, UnitAttr, i32, i64
from xdsl.ir import Attribute, Operation, Region
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import IsolatedFromAbove, NoTerminator, Pure, SymbolOpInterface, SymbolTable
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import parse_word_from
from ir_studio.pre_verifiers import VerifyAtOp

SELECTIONS = ("any", "exactmatch", "largest", "nodeduplicate", "samesize")
LINKAGES = ("private", "internal", "available_externally", "linkonce", "weak", "common",
            "appending", "extern_weak", "linkonce_odr", "weak_odr", "external")
VISIBILITIES = ("default", "hidden", "protected")
UNNAMED_ADDRS = ("", "local_unnamed_addr", "unnamed_addr")
ALIAS_LINKAGES = ("private", "internal", "linkonce", "weak", "linkonce_odr", "weak_odr",
                  "external", "available_externally")
IFUNC_LINKAGES = ("private", "internal", "linkonce", "weak", "linkonce_odr", "weak_odr",
                  "external")
# Ops an alias initializer may hold: constants, addresses and arithmetic on them
# (MLIR rejects any op with memory effects there).
_EFFECT_FREE_PREFIXES = ("llvm.mlir.", "llvm.getelementptr", "llvm.ptrtoint",
                         "llvm.inttoptr", "llvm.bitcast", "llvm.addrspacecast", "llvm.add",
                         "llvm.sub", "llvm.mul", "llvm.and", "llvm.or", "llvm.xor",
                         "llvm.shl", "llvm.lshr", "llvm.ashr", "llvm.trunc", "llvm.zext",
                         "llvm.sext", "llvm.return", "llvm.dso_local_equivalent",
                         "llvm.blockaddress", "llvm.insertvalue", "llvm.extractvalue")


def ops() -> list[type[Operation]]:
    return [ComdatOp, ComdatSelectorOp, AliasOp, IFuncOp, DSOLocalEquivalentOp]


class _SelectorTable(SymbolTable):
    """A comdat is the symbol table of its selectors (so `@c::@sel` is a nested
    reference); a redefined selector is reported by ir_studio.symbols on the selector,
    where MLIR reports it, rather than by xDSL's trait on the comdat."""

    def verify(self, op: Operation) -> None:
        return


@irdl_op_definition
class ComdatOp(IRDLOperation):
    """`llvm.comdat @name { llvm.comdat_selector @s any ... }`"""

    name = "llvm.comdat"
    sym_name = prop_def(StringAttr)
    body = region_def()
    traits = traits_def(NoTerminator(), SymbolOpInterface(), _SelectorTable())

    @classmethod
    def parse(cls, parser: Parser) -> ComdatOp:
        name = parser.parse_symbol_name()
        body = parser.parse_region()
        attributes = dict(parser.parse_optional_attr_dict())
        return cls.create(properties={"sym_name": name}, regions=[body],
                          attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_symbol_name(self.sym_name.data)
        printer.print_string(" ")
        printer.print_region(self.body, print_entry_block_args=False,
                             print_empty_block=False)
        printer.print_op_attributes(self.attributes)

    def verify_(self) -> None:
        if len(self.body.blocks) != 1:
            raise VerifyException("region #0 ('body') failed to verify constraint: region "
                                  "with 1 blocks")
        for block in self.body.blocks:
            if block.args:
                raise VerifyException("expects region to have no arguments")
            for op in block.ops:
                if op.name != "llvm.comdat_selector":
                    raise VerifyAtOp(op, "only comdat selector symbols can appear in a comdat "
                                         "region")


@irdl_op_definition
class ComdatSelectorOp(IRDLOperation):
    """`llvm.comdat_selector @name any|exactmatch|largest|nodeduplicate|samesize`; the
    selection kind is stored as MLIR's enum number (`comdat = 0 : i64`)."""

    name = "llvm.comdat_selector"
    sym_name = prop_def(StringAttr)
    comdat = prop_def(IntegerAttr)
    traits = traits_def(SymbolOpInterface())

    @classmethod
    def parse(cls, parser: Parser) -> ComdatSelectorOp:
        name = parser.parse_symbol_name()
        kind = parse_word_from(parser, SELECTIONS)
        return cls.create(properties={"sym_name": name,
                                      "comdat": IntegerAttr(SELECTIONS.index(kind), i64)},
                          attributes=dict(parser.parse_optional_attr_dict()))

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_symbol_name(self.sym_name.data)
        number = self.comdat.value.data
        printer.print_string(f" {SELECTIONS[number] if 0 <= number < len(SELECTIONS) else number}")
        printer.print_op_attributes(self.attributes)

    def verify_(self) -> None:
        if not 0 <= self.comdat.value.data < len(SELECTIONS):
            raise VerifyException("attribute 'comdat' failed to satisfy constraint: LLVM "
                                  "Comdat Types")
        parent = self.parent_op()
        if parent is not None and not parent.has_trait(SymbolTable):
            raise VerifyException("symbol's parent must have the SymbolTable trait")


def _parse_global_words(parser: Parser, properties: dict[str, Attribute],
                        thread_local: bool) -> None:
    """`linkage [visibility] [thread_local] [unnamed_addr]`, as alias and ifunc start."""
    linkage = parser.parse_optional_keyword_in(LINKAGES) or "external"
    properties["linkage"] = llvm.LinkageAttr(linkage)
    visibility = parser.parse_optional_keyword_in(VISIBILITIES[1:])
    properties["visibility_"] = IntegerAttr(VISIBILITIES.index(visibility or "default"), i64)
    if thread_local and parser.parse_optional_keyword("thread_local") is not None:
        properties["thread_local_"] = UnitAttr()
    unnamed = parser.parse_optional_keyword_in(UNNAMED_ADDRS[1:])
    properties["unnamed_addr"] = IntegerAttr(UNNAMED_ADDRS.index(unnamed or ""), i64)


def _print_global_words(printer: Printer, op: Any) -> None:
    printer.print_string(f" {op.linkage.linkage.data}")
    visibility = _number(op.properties.get("visibility_"))
    if 0 < visibility < len(VISIBILITIES):
        printer.print_string(f" {VISIBILITIES[visibility]}")
    if op.properties.get("thread_local_") is not None:
        printer.print_string(" thread_local")
    unnamed = _number(op.properties.get("unnamed_addr"))
    if 0 < unnamed < len(UNNAMED_ADDRS):
        printer.print_string(f" {UNNAMED_ADDRS[unnamed]}")


def _number(value: Attribute | None) -> int:
    return value.value.data if isinstance(value, IntegerAttr) else 0


def _move_properties(attributes: dict[str, Attribute], properties: dict[str, Attribute],
                     names: tuple[str, ...]) -> None:
    for name in names:
        if name in attributes:
            properties[name] = attributes.pop(name)


@irdl_op_definition
class AliasOp(IRDLOperation):
    """`llvm.mlir.alias linkage [visibility] [thread_local] [unnamed_addr] @name
    {attrs} : T { initializer returning a pointer }`"""

    name = "llvm.mlir.alias"
    alias_type = prop_def(Attribute)
    sym_name = prop_def(StringAttr)
    linkage = prop_def(llvm.LinkageAttr)
    dso_local = opt_prop_def(UnitAttr)
    thread_local_ = opt_prop_def(UnitAttr)
    unnamed_addr = opt_prop_def(IntegerAttr)
    visibility_ = opt_prop_def(IntegerAttr)
    initializer = region_def()
    traits = traits_def(IsolatedFromAbove(), SymbolOpInterface())

    @classmethod
    def parse(cls, parser: Parser) -> AliasOp:
        properties: dict[str, Attribute] = {}
        _parse_global_words(parser, properties, thread_local=True)
        properties["sym_name"] = parser.parse_symbol_name()
        attributes = dict(parser.parse_optional_attr_dict())
        _move_properties(attributes, properties, ("dso_local",))
        parser.parse_punctuation(":")
        properties["alias_type"] = parser.parse_type()
        region = parser.parse_optional_region() or Region()
        return cls.create(properties=properties, attributes=attributes, regions=[region])

    def print(self, printer: Printer) -> None:
        _print_global_words(printer, self)
        printer.print_string(" ")
        printer.print_symbol_name(self.sym_name.data)
        extra = {"dso_local": self.dso_local} if self.dso_local is not None else {}
        printer.print_op_attributes({**self.attributes, **extra})
        printer.print_string(" : ")
        printer.print_attribute(self.alias_type)
        if self.initializer.blocks:
            printer.print_string(" ")
            printer.print_region(self.initializer, print_entry_block_args=False)

    def verify_(self) -> None:
        linkage = self.linkage.linkage.data
        if linkage not in ALIAS_LINKAGES:
            raise VerifyException(f"'{linkage}' linkage not supported in aliases, available "
                                  "options: private, internal, linkonce, weak, linkonce_odr, "
                                  "weak_odr, external or available_externally")
        if isinstance(self.alias_type, llvm.LLVMVoidType) or self.alias_type.name in (
                "llvm.token", "llvm.label", "llvm.metadata"):
            raise VerifyException("expects type to be a valid element type for an LLVM "
                                  "global alias")
        if len(self.initializer.blocks) != 1:
            raise VerifyException("expects a non-empty initializer region with one block"
                                  if not self.initializer.blocks else
                                  "expects region #0 to have 0 or 1 blocks")
        block = self.initializer.blocks.first
        if block is None:
            return
        last = block.last_op
        if last is None or last.name != "llvm.return":
            # MLIR's SingleBlockImplicitTerminator wording, on the last op.
            if last is not None:
                raise VerifyAtOp(last, "block with no terminator, has " + last.name)
            raise VerifyException("expects a non-empty block")
        if len(last.operands) != 1 or not isinstance(last.operands[0].type,
                                                      llvm.LLVMPointerType):
            raise VerifyException("initializer region must always return a pointer")
        for op in block.ops:
            if not op.name.startswith(_EFFECT_FREE_PREFIXES):
                raise VerifyAtOp(op, "ops with side effects are not allowed in alias "
                                     "initializers")


@irdl_op_definition
class IFuncOp(IRDLOperation):
    """`llvm.mlir.ifunc linkage [visibility] [unnamed_addr] @name : !llvm.func<...>,
    !llvm.ptr @resolver {attrs}`"""

    name = "llvm.mlir.ifunc"
    sym_name = prop_def(StringAttr)
    i_func_type = prop_def(Attribute)
    resolver = prop_def(SymbolRefAttr)
    resolver_type = prop_def(Attribute)
    linkage = prop_def(llvm.LinkageAttr)
    dso_local = opt_prop_def(UnitAttr)
    address_space = opt_prop_def(IntegerAttr)
    unnamed_addr = opt_prop_def(IntegerAttr)
    visibility_ = opt_prop_def(IntegerAttr)
    traits = traits_def(IsolatedFromAbove(), SymbolOpInterface())

    @classmethod
    def parse(cls, parser: Parser) -> IFuncOp:
        properties: dict[str, Attribute] = {}
        _parse_global_words(parser, properties, thread_local=False)
        properties["sym_name"] = parser.parse_symbol_name()
        parser.parse_punctuation(":")
        properties["i_func_type"] = parser.parse_type()
        parser.parse_punctuation(",")
        properties["resolver_type"] = parser.parse_type()
        properties["resolver"] = SymbolRefAttr(parser.parse_symbol_name())
        attributes = dict(parser.parse_optional_attr_dict())
        _move_properties(attributes, properties, ("dso_local", "address_space"))
        properties.setdefault("address_space", IntegerAttr(0, i32))
        return cls.create(properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        _print_global_words(printer, self)
        printer.print_string(" ")
        printer.print_symbol_name(self.sym_name.data)
        printer.print_string(" : ")
        printer.print_attribute(self.i_func_type)
        printer.print_string(", ")
        printer.print_attribute(self.resolver_type)
        printer.print_string(" ")
        printer.print_attribute(self.resolver)
        extra: dict[str, Attribute] = {}
        if self.dso_local is not None:
            extra["dso_local"] = self.dso_local
        if self.address_space is not None and self.address_space.value.data != 0:
            extra["address_space"] = self.address_space
        printer.print_op_attributes({**extra, **self.attributes})

    def verify_(self) -> None:
        linkage = self.linkage.linkage.data
        if linkage not in IFUNC_LINKAGES:
            raise VerifyException(f"'{linkage}' linkage not supported in ifuncs, available "
                                  "options: private, internal, linkonce, weak, linkonce_odr, "
                                  "weak_odr, or external linkage")
        if self.address_space is not None and self.address_space.value.data < 0:
            raise VerifyException("attribute 'address_space' failed to satisfy constraint: "
                                  "32-bit signless integer attribute whose value is "
                                  "non-negative")


@irdl_op_definition
class DSOLocalEquivalentOp(IRDLOperation):
    """`llvm.dso_local_equivalent @f : !llvm.ptr`; what `@f` names is a symbol check
    (ir_studio.llvm_symbol_checks)."""

    name = "llvm.dso_local_equivalent"
    function_name = prop_def(SymbolRefAttr)
    res = result_def(llvm.LLVMPointerType)
    traits = traits_def(Pure())
    assembly_format = "$function_name attr-dict `:` type($res)"
