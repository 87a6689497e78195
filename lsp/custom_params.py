"""The shapes of ir-studio's own requests, so the protocol checks them like LSP's.

lsprotocol knows no `irStudio/*` method, so without these a handler would get whatever
JSON the client sent (`pipeline: 5`, `function: {}`) and fail inside. With them, params
that do not fit are answered `InvalidParams` before any handler runs.
"""

from __future__ import annotations

from typing import Any

import attrs


@attrs.define
class LowerParams:
    """`irStudio/lower`: run `pipeline` (a named one or a pass list) on the document at
    `uri`, or on its function `function` only."""

    uri: str
    pipeline: str | None = None
    function: str | None = None


@attrs.define
class LowerRequest:
    id: int | str
    params: LowerParams
    method: str = "irStudio/lower"
    jsonrpc: str = "2.0"


@attrs.define
class PassesRequest:
    """`irStudio/passes` takes no params (any given are ignored)."""

    id: int | str
    params: Any = None
    method: str = "irStudio/passes"
    jsonrpc: str = "2.0"


CUSTOM_REQUESTS: dict[str, type] = {
    "irStudio/lower": LowerRequest,
    "irStudio/passes": PassesRequest,
}
