"""DLTI maps with entries written as `#dlti.dl_entry<key, value>`, as well as `key = value`:

    module attributes {dlti.dl_spec = #dlti.dl_spec<#dlti.dl_entry<index, 32 : i64>,
                                                    "dlti.endianness" = "little">} {}

MLIR 22 reads both (and prints the second); xDSL 0.74 reads only `key = value`."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import ArrayAttr
from xdsl.dialects.dlti import DataLayoutEntryAttr, DLTIEntryMap
from xdsl.parser import AttrParser


def install() -> None:
    """Every DLTI map (dl_spec, target_system_spec, target_device_spec, map)."""
    DLTIEntryMap.parse_parameters = classmethod(_parse_entries)  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class


def _parse_entries(cls: type[Any], parser: AttrParser) -> tuple[ArrayAttr[Any]]:
    def entry() -> DataLayoutEntryAttr:
        key = parser.parse_attribute()
        if isinstance(key, DataLayoutEntryAttr):
            return key
        parser.parse_punctuation("=")
        return DataLayoutEntryAttr.new((key, parser.parse_attribute()))

    return (ArrayAttr(parser.parse_comma_separated_list(parser.Delimiter.ANGLE, entry)),)
