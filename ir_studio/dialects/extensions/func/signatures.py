"""Function signatures as MLIR writes them, where xDSL 0.74 loses information:

- argument attributes of a declaration (`func.func private @f(i32 {llvm.noundef})`,
  `llvm.func @g(!llvm.ptr {llvm.nonnull})`): xDSL's `parse_func_op_like` reads and
  drops them and its printer never writes them, so a round trip lost them;
- `vscale_range(a, b)` and `comdat(@c::@sel)` after an llvm.func's results,
  `comdat(...)` after an llvm.mlir.global's value, and the `personality` and `comdat`
  properties of MLIR's generic form.

The xDSL helpers `parse_func_op_like` / `print_func_op_like` are replaced in the two
dialect modules that call them (func, llvm), with the same signatures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from xdsl.dialects.builtin import (
    ArrayAttr,
    DictionaryAttr,
    FunctionType,
    IntegerAttr,
    IntegerType,
    StringAttr,
    SymbolRefAttr,
)
from xdsl.ir import Attribute, Region
from xdsl.parser import Parser
from xdsl.printer import Printer

from ir_studio.dialects.extensions.formats import consumed_end


def install() -> None:
    """Patch-table rows (extensions/patches.py): the signature helpers of func and llvm,
    llvm.func's extra properties, and llvm.mlir.global's syntax."""
    from xdsl.dialects import func, llvm
    from xdsl.irdl import AnyAttr, base
    from xdsl.irdl.operations import OptPropertyDef

    func.parse_func_op_like = parse_func_op_like  # pyright: ignore[reportPrivateImportUsage]  # replaces the helper xDSL's func.func calls
    func.print_func_op_like = print_func_op_like  # pyright: ignore[reportPrivateImportUsage]  # replaces the helper xDSL's func.func calls
    llvm.parse_func_op_like = parse_llvm_func_op_like  # pyright: ignore[reportPrivateImportUsage]  # replaces the helper xDSL's llvm.func calls
    llvm.print_func_op_like = print_llvm_func_op_like  # pyright: ignore[reportPrivateImportUsage]  # replaces the helper xDSL's llvm.func calls
    for name in ("personality", "comdat", "vscale_range", "garbageCollector", "section",
                 "alignment"):
        llvm.FuncOp.get_irdl_definition().properties.setdefault(
            name, OptPropertyDef(AnyAttr()))
    llvm.GlobalOp.get_irdl_definition().properties.setdefault(
        "comdat", OptPropertyDef(base(SymbolRefAttr)))
    llvm.GlobalOp.parse = classmethod(_parse_global)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class
    llvm.GlobalOp.print = _print_global  # installs upstream MLIR syntax on xDSL's op class


def _parse_outputs(parser: Parser) -> tuple[list[Attribute], ArrayAttr[DictionaryAttr] | None]:
    """`-> T`, `-> (T {attrs}, U)` or nothing."""
    if parser.parse_optional_punctuation("->") is None:
        return [], None
    results = parser.parse_optional_comma_separated_list(
        Parser.Delimiter.PAREN,
        lambda: (parser.parse_type(), parser.parse_optional_dictionary_attr_dict()))
    if results is None:
        single: list[Attribute] = [parser.parse_type()]
        return single, None
    types: list[Attribute] = [t for t, _ in results]
    attrs = ArrayAttr(DictionaryAttr(a) for _, a in results) \
        if any(a for _, a in results) else None
    return types, attrs


def _parse_comdat(parser: Parser) -> SymbolRefAttr | None:
    if parser.parse_optional_keyword("comdat") is None:
        return None
    parser.parse_punctuation("(")
    start = parser.pos
    comdat = parser.parse_attribute()
    if not isinstance(comdat, SymbolRefAttr):
        parser.raise_error("expected a symbol reference", start, consumed_end(parser))
    parser.parse_punctuation(")")
    return comdat


_VSCALE = re.compile(r"#llvm\.vscale_range<minRange = (\d+), maxRange = (\d+)>")


def _parse_vscale_range(parser: Parser) -> Attribute | None:
    """`vscale_range(1, 16)`: MLIR's spelling of `#llvm.vscale_range<minRange = 1,
    maxRange = 16>` on llvm.func (an attribute xDSL reads as unregistered)."""
    if parser.parse_optional_keyword("vscale_range") is None:
        return None
    parser.parse_punctuation("(")
    low = parser.parse_integer(allow_boolean=False)
    parser.parse_punctuation(",")
    high = parser.parse_integer(allow_boolean=False)
    parser.parse_punctuation(")")
    return Parser(parser.ctx, f"#llvm.vscale_range<minRange = {low}, maxRange = {high}>"
                  ).parse_attribute()


def _parse(parser: Parser, reserved_attr_names: Sequence[str], allow_variadic: bool,
           with_comdat: bool) -> tuple[Any, ...]:
    name = parser.parse_symbol_name().data
    variadic = False
    named: list[tuple[Any, dict[str, Attribute]]] = []
    unnamed: list[tuple[Attribute, dict[str, Attribute]]] = []

    def one() -> None:
        nonlocal variadic
        if allow_variadic and parser.parse_optional_characters("...") is not None:
            variadic = True
            return
        argument = parser.parse_optional_argument()
        if argument is None:
            arg_type = parser.parse_optional_type()
            if arg_type is None:
                parser.raise_error("Expected argument or type")
            unnamed.append((arg_type, parser.parse_optional_dictionary_attr_dict()))
            parser.parse_optional_location()
            return
        attrs = parser.parse_optional_dictionary_attr_dict()
        location = parser.parse_optional_location()
        if location is not None:
            argument.location = location
        named.append((argument, attrs))

    parser.parse_comma_separated_list(Parser.Delimiter.PAREN, one)
    if named and unnamed:
        parser.raise_error("Expected all arguments to be named or all arguments to be "
                           "unnamed.")
    groups: list[dict[str, Attribute]] = [a for _, a in named] or [a for _, a in unnamed]
    input_types = [arg.type for arg, _ in named] if named else [t for t, _ in unnamed]
    arg_attrs = ArrayAttr(DictionaryAttr(a) for a in groups) if any(groups) else None
    return_types, res_attrs = _parse_outputs(parser)
    words: dict[str, Attribute] = {}
    if with_comdat:
        scale = _parse_vscale_range(parser)
        if scale is not None:
            words["vscale_range"] = scale
        comdat = _parse_comdat(parser)
        if comdat is not None:
            words["comdat"] = comdat
    extra = parser.parse_optional_attr_dict_with_keyword(reserved_attr_names)
    if words:
        extra = DictionaryAttr({**(extra.data if extra else {}), **words})
    region = parser.parse_optional_region([arg for arg, _ in named] if named else None)
    result = (name, input_types, return_types, region if region is not None else Region(),
              extra, arg_attrs, res_attrs)
    return (*result, variadic) if allow_variadic else result


def parse_func_op_like(parser: Parser, *, reserved_attr_names: Sequence[str],
                       allow_variadic: bool = False) -> Any:
    """xDSL's `parse_func_op_like`, keeping a declaration's argument attributes."""
    return _parse(parser, reserved_attr_names, allow_variadic, with_comdat=False)


def parse_llvm_func_op_like(parser: Parser, *, reserved_attr_names: Sequence[str],
                            allow_variadic: bool = False) -> Any:
    """As `parse_func_op_like`, with llvm.func's `comdat(@c::@sel)` before the
    attributes (kept as the `comdat` attribute)."""
    return _parse(parser, reserved_attr_names, allow_variadic, with_comdat=True)


def _print_attrs(printer: Printer, attrs: Any) -> None:
    if isinstance(attrs, DictionaryAttr) and attrs.data:
        printer.print_op_attributes(attrs.data)


def _print_outputs(printer: Printer, outputs: Sequence[Attribute], res_attrs: Any) -> None:
    if not outputs:
        return
    printer.print_string(" -> ")
    listed = list(res_attrs.data) if isinstance(res_attrs, ArrayAttr) else []
    if len(outputs) == 1 and not listed:
        printer.print_attribute(outputs[0])
        return
    printer.print_string("(")
    for index, output in enumerate(outputs):
        printer.print_string(", " if index else "")
        printer.print_attribute(output)
        if index < len(listed):
            _print_attrs(printer, listed[index])
    printer.print_string(")")


def _print(printer: Printer, sym_name: StringAttr, function_type: FunctionType, body: Region,
           attributes: dict[str, Attribute], arg_attrs: Any, res_attrs: Any,
           reserved_attr_names: Sequence[str], is_variadic: bool, print_empty_outputs: bool,
           with_comdat: bool) -> None:
    printer.print_string(" ")
    printer.print_symbol_name(sym_name.data)
    listed = list(arg_attrs.data) if isinstance(arg_attrs, ArrayAttr) else []
    inputs = list(function_type.inputs.data)
    outputs = list(function_type.outputs.data)
    printer.print_string("(")
    if body.blocks:
        from xdsl.dialects.utils import print_func_argument

        arguments = list(body.blocks[0].args)
        for index, argument in enumerate(arguments):
            printer.print_string(", " if index else "")
            group = listed[index] if index < len(listed) else None
            print_func_argument(printer, argument,
                                group if isinstance(group, DictionaryAttr) else None)
    else:
        for index, input_type in enumerate(inputs):
            printer.print_string(", " if index else "")
            printer.print_attribute(input_type)
            if index < len(listed):
                _print_attrs(printer, listed[index])
    if is_variadic:
        printer.print_string(", ..." if inputs else "...")
    printer.print_string(")")
    if not outputs and print_empty_outputs and not body.blocks and not is_variadic \
            and not listed:
        printer.print_string(" -> ()")  # xDSL's spelling of a declaration without results
    _print_outputs(printer, outputs, res_attrs)
    attributes = dict(attributes)
    scale = _VSCALE.fullmatch(str(attributes.get("vscale_range", ""))) if with_comdat \
        else None
    if scale is not None:
        del attributes["vscale_range"]
        printer.print_string(f" vscale_range({scale.group(1)}, {scale.group(2)})")
    comdat = attributes.pop("comdat", None) if with_comdat else None
    if isinstance(comdat, SymbolRefAttr):
        printer.print_string(" comdat(")
        printer.print_attribute(comdat)
        printer.print_string(")")
    elif comdat is not None:
        attributes["comdat"] = comdat
    printer.print_op_attributes(attributes, reserved_attr_names=reserved_attr_names,
                                print_keyword=True)
    if body.blocks:
        printer.print_string(" ", indent=0)
        printer.print_region(body, False, False)


def print_func_op_like(printer: Printer, sym_name: StringAttr, function_type: FunctionType,
                       body: Region, attributes: dict[str, Attribute], *,
                       arg_attrs: Any = None, res_attrs: Any = None,
                       reserved_attr_names: Sequence[str], is_variadic: bool = False,
                       print_empty_outputs: bool = True) -> None:
    """xDSL's `print_func_op_like`, writing a declaration's argument attributes."""
    _print(printer, sym_name, function_type, body, attributes, arg_attrs, res_attrs,
           reserved_attr_names, is_variadic, print_empty_outputs, with_comdat=False)


def print_llvm_func_op_like(printer: Printer, sym_name: StringAttr,
                            function_type: FunctionType, body: Region,
                            attributes: dict[str, Attribute], *, arg_attrs: Any = None,
                            res_attrs: Any = None, reserved_attr_names: Sequence[str],
                            is_variadic: bool = False,
                            print_empty_outputs: bool = True) -> None:
    """As `print_func_op_like`, with llvm.func's `comdat(...)` in MLIR's place."""
    _print(printer, sym_name, function_type, body, attributes, arg_attrs, res_attrs,
           reserved_attr_names, is_variadic, print_empty_outputs, with_comdat=True)


_UNNAMED = {"local_unnamed_addr": 1, "unnamed_addr": 2}
_VISIBILITIES = ("default", "hidden", "protected")
_LINKAGES = ("private", "internal", "available_externally", "linkonce", "weak", "common",
             "appending", "extern_weak", "linkonce_odr", "weak_odr", "external")


def _parse_global(cls: type[Any], parser: Parser) -> Any:
    """xDSL's llvm.mlir.global syntax plus MLIR's visibility word (`hidden`,
    `protected`) after the linkage and `comdat(@c::@sel)` after the value."""
    from xdsl.dialects import llvm

    linkage = parser.parse_optional_keyword_in(_LINKAGES) or "external"
    visibility = parser.parse_optional_keyword_in(_VISIBILITIES[1:])
    thread_local = parser.parse_optional_keyword("thread_local") is not None
    unnamed = parser.parse_optional_keyword_in(tuple(_UNNAMED))
    constant = parser.parse_optional_keyword("constant") is not None
    sym_name = parser.parse_symbol_name()
    parser.parse_punctuation("(")
    value = None
    if parser.parse_optional_punctuation(")") is None:
        value = parser.parse_attribute()
        parser.parse_punctuation(")")
    comdat = _parse_comdat(parser)
    attrs = dict(parser.parse_optional_attr_dict())
    if parser.parse_optional_punctuation(":") is not None:
        global_type = parser.parse_type()
    elif isinstance(value, StringAttr):
        global_type = llvm.LLVMArrayType(len(value.data.encode()), IntegerType(8))
    else:
        parser.raise_error("type can only be omitted for string globals")
    start = parser.pos
    addr_space = attrs.pop("addr_space", IntegerAttr(0, 32))
    alignment = attrs.pop("alignment", None)
    section = attrs.pop("section", None)
    if not isinstance(addr_space, IntegerAttr) or not (
            alignment is None or isinstance(alignment, IntegerAttr)) or not (
            section is None or isinstance(section, StringAttr)):
        parser.raise_error("expected integer 'addr_space' and 'alignment' and a string "
                           "'section'", start, start)
    op = cls(global_type=global_type, sym_name=sym_name, linkage=linkage,
             addr_space=addr_space.value.data, constant=constant,
             dso_local=attrs.pop("dso_local", None) is not None, thread_local_=thread_local,
             value=value,
             alignment=alignment.value.data if isinstance(alignment, IntegerAttr) else None,
             unnamed_addr=_UNNAMED.get(unnamed or ""), section=section,
             body=parser.parse_optional_region())
    if visibility is not None:
        op.properties["visibility_"] = IntegerAttr(_VISIBILITIES.index(visibility), 64)
    if comdat is not None:
        op.properties["comdat"] = comdat
    elif isinstance(attrs.get("comdat"), SymbolRefAttr):
        op.properties["comdat"] = attrs.pop("comdat")
    op.attributes |= attrs
    return op


def _print_global(self: Any, printer: Printer) -> None:
    printer.print_string(f" {self.linkage.linkage.data}")
    visibility = self.properties.get("visibility_")
    shown = visibility.value.data if isinstance(visibility, IntegerAttr) else 0
    if 0 < shown < len(_VISIBILITIES):
        printer.print_string(f" {_VISIBILITIES[shown]}")
    if self.thread_local_ is not None:
        printer.print_string(" thread_local")
    unnamed = self.unnamed_addr.value.data if self.unnamed_addr is not None else 0
    words = {number: word for word, number in _UNNAMED.items()}
    if unnamed in words:
        printer.print_string(f" {words[unnamed]}")
    if self.constant is not None:
        printer.print_string(" constant")
    printer.print_string(" ")
    printer.print_symbol_name(self.sym_name.data)
    printer.print_string("(")
    if self.value is not None:
        printer.print_attribute(self.value)
    printer.print_string(")")
    comdat = self.properties.get("comdat")
    if isinstance(comdat, SymbolRefAttr):
        printer.print_string(" comdat(")
        printer.print_attribute(comdat)
        printer.print_string(")")
    reserved = ["global_type", "sym_name", "linkage", "constant", "thread_local_",
                "unnamed_addr", "value", "comdat"]
    if shown < len(_VISIBILITIES):
        reserved.append("visibility_")
    printer.print_op_attributes(self.properties | self.attributes,
                                reserved_attr_names=reserved)
    printer.print_string(" : ")
    printer.print_attribute(self.global_type)
    if self.body.blocks:
        printer.print_string(" ")
        printer.print_region(self.body)
