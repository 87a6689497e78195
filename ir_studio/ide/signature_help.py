"""Signature help for an op's operand list: its operands as the op definition declares
them (name and constraint), with the one being typed active."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

_OP_BEFORE = re.compile(r'(?:^|[\s=])"?([A-Za-z_][\w$]*\.[\w$.]+)"?(\(?)([^()]*)$')


@dataclass(frozen=True)
class Signature:
    label: str
    parameters: list[str]
    active: int
    documentation: str


def describe(constr: object) -> str:
    """A readable constraint: `integer | index | vector<...>` rather than its repr."""
    kind = type(constr).__name__
    if kind in ("RangeLengthConstraint", "RangeOf", "SingleOf"):
        inner = getattr(constr, "constraint", None) or getattr(constr, "constr", None)
        return describe(inner) if inner is not None else "any"
    if kind == "VarConstraint":
        return f"{describe(constr.constraint)} (same as other {constr.name})"  # pyright: ignore[reportAttributeAccessIssue]  # dispatched on the constraint's class name above
    if kind == "AnyOf":
        return " | ".join(describe(c) for c in constr.attr_constrs)  # pyright: ignore[reportAttributeAccessIssue]  # dispatched on the constraint's class name above
    if kind == "BaseAttr":
        return _short(constr.attr)  # pyright: ignore[reportAttributeAccessIssue]  # dispatched on the constraint's class name above
    if kind == "ParamAttrConstraint":
        return _short(constr.base_attr) + "<...>"  # pyright: ignore[reportAttributeAccessIssue]  # dispatched on the constraint's class name above
    if kind == "EqAttrConstraint":
        return str(constr.attr)  # pyright: ignore[reportAttributeAccessIssue]  # dispatched on the constraint's class name above
    if kind == "AnyAttr":
        return "any"
    return kind


def _short(cls: type) -> str:
    name = getattr(cls, "name", cls.__name__)
    return str(name).removeprefix("builtin.").removesuffix("_type")


def signature_at(line_before_cursor: str) -> Signature | None:
    match = _OP_BEFORE.search(line_before_cursor)
    if match is None:
        return None
    name, paren, typed = match.groups()
    if ":" in typed or "{" in typed or "<" in typed:
        return None  # past the operands: attributes or types
    from ir_studio.context import shared_context

    op = shared_context().get_optional_op(name)
    if op is None or not hasattr(op, "get_irdl_definition"):
        return None
    definition = op.get_irdl_definition()  # pyright: ignore[reportAttributeAccessIssue]  # checked with hasattr above: an IRDL op
    params = [
        f"%{operand_name}: {describe(operand.constr)}"
        for operand_name, operand in definition.operands
    ]
    if not params:
        return None
    active = min(typed.count(","), len(params) - 1)
    label = f'"{name}"(' + ", ".join(params) + ")" if paren else f"{name} " + ", ".join(params)
    doc = inspect.getdoc(op) or ""
    return Signature(label, params, active, doc)
