"""JSON-RPC message checking in front of pygls: every request gets an answer.

pygls structures a message inside `json.loads` and, when that fails, logs and drops it:
the client of a malformed request waits forever (and a nested object that happens to
hold a `jsonrpc` key is taken for a message). `IRStudioProtocol.receive` takes the
decoded JSON value from `transport.FrameDecoder` and answers, as JSON-RPC 2.0 says:

* a body that is not JSON: `ParseError` (-32700), id null;
* not an object, no string `method`, `jsonrpc` not "2.0", an id that is neither a
  string nor an integer: `InvalidRequest` (-32600), with the id when it is a valid one;
* a request before `initialize`: `ServerNotInitialized` (-32002); after `shutdown`, or
  a second `initialize`: `InvalidRequest`;
* params that do not fit the method (LSP's, or ir-studio's own in `custom_params`):
  `InvalidParams` (-32602) naming the bad field;
  unknown methods: `MethodNotFound` (-32601) (pygls' own answer), and so are
  notification methods sent with an id (their handlers answer nothing);
* `initialize` itself is read leniently, like mlir-lsp-server: fields that do not fit
  (`processId: ""`, a malformed capability) are dropped until the rest fits, and the
  client gets the server's capabilities.

Notifications are never answered; a malformed one, or a change to a document that is
not open, is logged and dropped. Responses from the client go to pygls unchanged.
"""

from __future__ import annotations

import logging
import re
from typing import Any, cast
from urllib.parse import unquote

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, IterableValidationNote
from ir_studio.lsp.custom_params import CUSTOM_REQUESTS
from ir_studio.lsp.transport import Received
from lsprotocol import types
from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInternalError,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcMethodNotFound,
    JsonRpcParseError,
    JsonRpcServerNotInitialized,
)
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCNotification, JsonRPCRequestMessage

logger = logging.getLogger(__name__)

_REPAIR_ROUNDS = 64
_NEED_OPEN_DOCUMENT = {
    types.TEXT_DOCUMENT_DID_CHANGE,
    types.TEXT_DOCUMENT_DID_CLOSE,
    types.TEXT_DOCUMENT_DID_SAVE,
}


class IRStudioProtocol(LanguageServerProtocol):
    """pygls' LSP protocol with a validating entry point (`receive`)."""

    _initialize_seen = False

    def receive(self, received: Received) -> None:
        """Answer or dispatch one message; a failure here still answers its request."""
        try:
            self._receive(received)
        except Exception as exc:
            logger.exception("failed to dispatch a message")
            value = received.value
            if isinstance(value, dict) and "method" in value:
                msg_id = value.get("id")
                if isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool):
                    self._reply(msg_id, JsonRpcInternalError(f"{type(exc).__name__}: {exc}"))

    def _receive(self, received: Received) -> None:
        if received.error is not None:
            self._reply(None, JsonRpcParseError(received.error))
            return
        value = received.value
        if not isinstance(value, dict):
            self._reply(None, JsonRpcInvalidRequest("a message must be a JSON object"))
            return
        msg_id = value.get("id")
        valid_id = isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool)
        if "method" not in value:
            self._receive_response(value, valid_id)
            return
        method = value["method"]
        problem = _request_problem(value, method, valid_id)
        if problem is not None:
            self._reply(msg_id if valid_id else None, JsonRpcInvalidRequest(problem))
            return
        is_request = "id" in value
        refusal = self._refusal(method, is_request)
        if refusal is not None:
            if is_request:
                self._reply(msg_id, refusal)
            else:
                logger.warning("notification %s dropped: %s", method, refusal.message)
            return
        message = self._structure(value, method, is_request)
        if message is None:
            return
        if method in _NEED_OPEN_DOCUMENT and not self._is_open(message.params.text_document.uri):
            logger.warning("%s for a document that is not open dropped", method)
            return
        if method == types.INITIALIZE:
            self._initialize_seen = True
        self.handle_message(message)

    def _is_open(self, uri: str) -> bool:
        return unquote(uri) in self.workspace.text_documents

    def _refusal(self, method: str, is_request: bool) -> JsonRpcException | None:
        if method == types.EXIT:
            return None
        if self._shutdown:
            return JsonRpcInvalidRequest("the server is shutting down")
        if method == types.INITIALIZE and is_request:
            return JsonRpcInvalidRequest("already initialized") if self._initialize_seen else None
        if not self._initialize_seen:
            return JsonRpcServerNotInitialized(f"{method} before initialize")
        return None

    def _structure(self, value: dict[str, Any], method: str, is_request: bool) -> Any:
        if method == types.INITIALIZE and is_request:
            params = self._lenient_initialize_params(value.get("params"))
            return types.InitializeRequest(id=value["id"], params=params)
        message_type = self.get_message_type(method) or CUSTOM_REQUESTS.get(method)
        if message_type is None:  # custom or unknown methods carry any params
            params = value.get("params")
            if is_request:
                return JsonRPCRequestMessage(value["id"], method, "2.0", params)
            return JsonRPCNotification(method, "2.0", params)
        if is_request != ("id" in attrs.fields_dict(message_type)):
            # a notification sent with an id would never be answered by its handler; a
            # request without one cannot be
            if is_request:
                self._reply(value["id"], JsonRpcMethodNotFound(f"{method} is a notification"))
            else:
                logger.warning("request %s sent as a notification dropped", method)
            return None
        try:
            return self._converter.structure(value, message_type)
        except Exception as exc:
            detail = _describe(exc)
            if is_request:
                problem = f"failed to decode {method} request: {detail}"
                self._reply(value["id"], JsonRpcInvalidParams(problem))
            else:
                logger.warning("notification %s dropped: %s", method, detail)
            return None

    def _receive_response(self, value: dict[str, Any], valid_id: bool) -> None:
        """A reply to one of our requests; anything else without a method is noise,
        and answering it could start an endless exchange with a confused client."""
        is_reply = "result" in value or "error" in value
        if not valid_id or value.get("jsonrpc") != "2.0" or not is_reply:
            logger.warning("message with neither a method nor a result dropped")
            return
        try:
            message = self.structure_message(value)
        except Exception:
            logger.warning("malformed response from the client dropped")
            return
        self.handle_message(cast(Any, message))

    def _lenient_initialize_params(self, params: Any) -> types.InitializeParams:
        """Drop whatever does not fit until the rest does (what mlir-lsp-server does)."""
        data = dict(params) if isinstance(params, dict) else {}
        data.setdefault("processId", None)
        data.setdefault("capabilities", {})
        for _ in range(_REPAIR_ROUNDS):
            try:
                return self._converter.structure(data, types.InitializeParams)
            except Exception as exc:
                path = _failure_path(exc)
                if not path or not _prune(data, path):
                    break
                logger.warning("initialize: ignoring malformed field %s", _dotted(path))
        return types.InitializeParams(capabilities=types.ClientCapabilities(), process_id=None)

    def _reply(self, msg_id: int | str | None, error: JsonRpcException) -> None:
        """Error responses are written as plain JSON so a null id stays in the message."""
        logger.warning("answering %r with %s: %s", msg_id, error.code, error.message)
        self._send_data(
            {
                "jsonrpc": "2.0",
                "id": msg_id,
                "error": {"code": error.code, "message": error.message},
            }
        )


def _request_problem(value: dict[str, Any], method: Any, valid_id: bool) -> str | None:
    if value.get("jsonrpc") != "2.0":
        return 'jsonrpc must be "2.0"'
    if not isinstance(method, str) or not method:
        return "method must be a non-empty string"
    if "id" in value and not valid_id:
        return "id must be a string or an integer"
    params = value.get("params")
    lenient = method == types.INITIALIZE
    if params is not None and not isinstance(params, (dict, list)) and not lenient:
        return "params must be an object or an array"
    return None


def _describe(exc: Exception) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        messages = cattrs.transform_error(exc)
        return "; ".join(m.replace("$.", "", 1) for m in messages[:3])
    return str(exc) or type(exc).__name__


def _failure_path(exc: BaseException) -> list[str | int]:
    """Attribute names and list indices down to the first failure cattrs reports."""
    if isinstance(exc, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        with_notes, _ = exc.group_exceptions()
        if with_notes:
            inner, note = with_notes[0]
            if isinstance(note, AttributeValidationNote):
                return [note.name, *_failure_path(inner)]
            if isinstance(note, IterableValidationNote):
                return [note.index, *_failure_path(inner)]
    return []


_DEFAULTS: dict[str, Any] = {"processId": None, "capabilities": {}}


def _prune(data: dict[str, Any], path: list[str | int]) -> bool:
    """Remove the failing element; a missing required field removes its parent."""
    parents: list[Any] = [data]
    node: Any = data
    keys: list[str | int] = []
    for step in path:
        key = _key(node, step)
        if key is None:
            break
        keys.append(key)
        node = node[key]
        parents.append(node)
    if not keys:
        return False
    key, parent = keys[-1], parents[-2]
    if len(keys) == 1 and key in _DEFAULTS:
        if parent[key] == _DEFAULTS[key]:
            return False
        parent[key] = _DEFAULTS[key]
        return True
    del parent[key]
    return True


def _key(node: Any, step: str | int) -> str | int | None:
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return step
    if not isinstance(node, dict) or not isinstance(step, str):
        return None
    camel = re.sub(r"_([a-z])", lambda m: m.group(1).upper(), step.rstrip("_"))
    for candidate in (camel, step, step.rstrip("_")):
        if candidate in node:
            return candidate
    return None


def _dotted(path: list[str | int]) -> str:
    return ".".join(str(p) for p in path)
