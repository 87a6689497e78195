"""Fused locations with metadata, as MLIR prints them: `loc(fused<"myPass">["a", "b"])`.
xDSL 0.74 prints the metadata but reads only `fused[...]`. Locations are builtin, so no
dialect load installs this: the shared context does (`ir_studio.context`)."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import FusedLoc, NoneAttr
from xdsl.parser.attribute_parser import AttrParser


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    parse_rest = AttrParser._parse_location

    def parse_location(self: AttrParser) -> Any:
        if self._current_token.text != "fused":
            return parse_rest(self)
        self.parse_identifier("fused")
        metadata: Any = NoneAttr()
        if self.parse_optional_punctuation("<") is not None:
            metadata = self.parse_attribute()
            self.parse_punctuation(">")
        locations = self.parse_comma_separated_list(
            self.Delimiter.SQUARE, lambda: parse_location(self))
        return FusedLoc(tuple(locations), metadata)

    AttrParser._parse_location = parse_location
