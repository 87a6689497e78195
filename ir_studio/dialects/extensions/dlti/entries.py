"""DLTI maps with entries written as `#dlti.dl_entry<key, value>`, as well as `key = value`:

    module attributes {dlti.dl_spec = #dlti.dl_spec<#dlti.dl_entry<index, 32 : i64>,
                                                    "dlti.endianness" = "little">} {}

MLIR 22 reads both (and prints the second); xDSL 0.74 reads only `key = value`."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import ArrayAttr, StringAttr
from xdsl.dialects.dlti import DataLayoutEntryAttr, DLTIEntryMap, TargetSystemSpecAttr
from xdsl.ir import TypeAttribute
from xdsl.parser import AttrParser


def install() -> None:
    """Every DLTI map (dl_spec, target_system_spec, target_device_spec, map)."""
    DLTIEntryMap.parse_parameters = classmethod(_parse_entries)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class


def _parse_entries(cls: type[Any], parser: AttrParser) -> tuple[ArrayAttr[Any]]:
    """Also MLIR's parse-time checks (DLTI.cpp `parseAngleBracketedEntries`), at MLIR's
    places: a key that is neither a string nor a type at the key, a repeated key at the
    attribute's name (xDSL's verifier would report both on the op)."""
    mnemonic = cls.name.split(".", 1)[-1]
    start = parser.pos
    text = parser.lexer.input.content
    if text[max(0, start - len(mnemonic)):start] == mnemonic:
        start -= len(mnemonic)

    def entry() -> DataLayoutEntryAttr:
        key_at = parser.pos
        key = parser.parse_attribute()
        if isinstance(key, DataLayoutEntryAttr):
            return key
        if not isinstance(key, StringAttr | TypeAttribute):
            parser.raise_error("invalid kind of attribute specified", key_at, parser.pos)
        parser.parse_punctuation("=")
        return DataLayoutEntryAttr.new((key, parser.parse_attribute()))

    entries = parser.parse_comma_separated_list(parser.Delimiter.ANGLE, entry)
    seen: set[Any] = set()
    for item in entries:
        if item.key in seen:
            key = item.key
            shown = f'"{key.data}"' if isinstance(key, StringAttr) else str(key)
            what = ("repeated device ID in dlti.target_system_spec"
                    if isinstance(cls, type) and issubclass(cls, TargetSystemSpecAttr)
                    else "repeated DLTI key")
            parser.raise_error(f"{what}: {shown}", start, start + len(mnemonic))
        seen.add(item.key)
    return (ArrayAttr(entries),)
