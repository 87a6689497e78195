"""`linalg.generic` as MLIR reads it: the trait may be an attribute alias
(`linalg.generic #trait ins(...)`, common in MLIR's tests and Integration programs), and
several results are written `-> (tensor<i32>, tensor<i32>)`. xDSL 0.74 accepts only a
literal `{...}` and an unparenthesised result list."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, StringAttr
from xdsl.dialects.linalg.attrs import IteratorType, IteratorTypeAttr
from xdsl.dialects.linalg.ops import GenericOp
from xdsl.ir import SSAValue
from xdsl.parser import Parser

from ir_studio.dialects.extensions.formats import parse_dict_or_alias


def install() -> None:
    """Replaces GenericOp.parse (the printer already prints both forms)."""
    GenericOp.parse = classmethod(_parse)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class


def _operand_group(parser: Parser, keyword: str) -> list[SSAValue]:
    pos = parser.pos
    if not parser.parse_optional_characters(keyword):
        return []
    parser.parse_punctuation("(")
    names = parser.parse_comma_separated_list(Parser.Delimiter.NONE,
                                              parser.parse_unresolved_operand)
    parser.parse_punctuation(":")
    types = parser.parse_comma_separated_list(Parser.Delimiter.NONE, parser.parse_type)
    parser.parse_punctuation(")")
    return list(parser.resolve_operands(names, types, pos))


def _parse(cls: type[GenericOp], parser: Parser) -> Any:
    start = parser.pos
    attrs = parse_dict_or_alias(parser)
    end = parser.pos
    maps = attrs.pop("indexing_maps", None)
    if not isinstance(maps, ArrayAttr) or not all(
            isinstance(m, AffineMapAttr) for m in maps.data):
        parser.raise_error("Expected indexing_maps for linalg.generic", start, end)
    kinds = attrs.pop("iterator_types", None)
    if not isinstance(kinds, ArrayAttr):
        parser.raise_error("Expected iterator_types for linalg.generic", start, end)
    iterators: list[IteratorTypeAttr] = []
    for kind in kinds.data:
        if isinstance(kind, IteratorTypeAttr):
            iterators.append(kind)
        elif isinstance(kind, StringAttr) and kind.data in {t.value for t in IteratorType}:
            iterators.append(IteratorTypeAttr(IteratorType(kind.data)))
        else:
            parser.raise_error(f"Unknown iterator type {kind}", start, end)
    doc = attrs.pop("doc", None)
    library_call = attrs.pop("library_call", None)
    for name, value in (("doc", doc), ("library_call", library_call)):
        if value is not None and not isinstance(value, StringAttr):
            parser.raise_error(f"expected a string for '{name}'", start, end)
    ins = _operand_group(parser, "ins")
    outs = _operand_group(parser, "outs")
    if parser.parse_optional_keyword("attrs"):
        parser.parse_punctuation("=")
        attrs.update(parser.expect(parser.parse_optional_attr_dict, "expect extra attributes"))
    body = parser.parse_region()
    results: list[Any] = []
    if parser.parse_optional_punctuation("->"):
        listed = parser.parse_optional_comma_separated_list(Parser.Delimiter.PAREN,
                                                            parser.parse_type)
        results = listed if listed is not None else parser.parse_comma_separated_list(
            Parser.Delimiter.NONE, parser.parse_type)
    generic = cls(ins, outs, body, maps, ArrayAttr(iterators), results, doc, library_call)
    generic.attributes |= attrs
    return generic
