"""A dialect type or attribute written without the parameters it needs.

xDSL's generic parameter parser returns an empty list for `!transform.param` (no `<`),
and building the type then fails in `zip` (a ValueError, which reached users as an
internal error). MLIR's generated parsers expect the `<` there: so does this."""

from __future__ import annotations

from typing import Any

from xdsl.ir import ParametrizedAttribute
from xdsl.parser import Parser


class AttributeParameters(Parser):
    """Mixin for SpanRecordingParser."""

    def _parse_dialect_type_or_attribute_body(self, attr_name: str, is_type: bool,
                                              *args: Any, **kwargs: Any) -> Any:
        at = self._current_token.span
        try:
            return super()._parse_dialect_type_or_attribute_body(  # xDSL's AttrParser method
                attr_name, is_type, *args, **kwargs)
        except ValueError as error:
            definition = (self.ctx.get_optional_type(attr_name) if is_type
                          else self.ctx.get_optional_attr(attr_name))
            expected = isinstance(definition, type) and issubclass(
                definition, ParametrizedAttribute) and \
                len(definition.get_irdl_definition().parameters) > 0
            if not (expected and "zip()" in str(error)):
                raise
            self.raise_error("expected '<'", at)
