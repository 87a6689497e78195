"""LLVMFuncOp::verify's checks over a function's body that xDSL 0.74 lacks: one result
type for all `llvm.landingpad`s, one operand type for all `llvm.resume`s, and block tags
unique within the function. Kept free of xDSL's llvm module so that registering it in
`extra_verifiers` costs nothing at start-up."""

from __future__ import annotations

from collections.abc import Callable

from xdsl.ir import Attribute, Operation
from xdsl.utils.exceptions import VerifyException

from ir_studio.pre_verifiers import VerifyAtOp


def _function(op: Operation) -> None:
    if not op.regions or not op.regions[0].blocks:
        return
    seen: dict[str, Attribute] = {}
    tags: set[object] = set()
    for nested in op.regions[0].walk():
        if nested.name == "llvm.landingpad" and nested.results:
            kind, value_type = "landingpad", nested.results[0].type
        elif nested.name == "llvm.resume" and nested.operands:
            kind, value_type = "resume", nested.operands[0].type
        elif nested.name == "llvm.blocktag":
            tag = nested.properties.get("tag")
            number = getattr(tag, "id", None)
            key = getattr(number, "data", number)
            if key is not None and key in tags:
                raise VerifyAtOp(nested, f"duplicate block tag '{key}' in the same function: ")
            tags.add(key)
            continue
        else:
            continue
        first = seen.setdefault(kind, value_type)
        if first != value_type:
            what = "result" if kind == "landingpad" else "input"
            raise VerifyException(f"'llvm.{kind}' should have a consistent {what} type "
                                  "inside a function")


LLVM_FUNCTION_CHECKS: dict[str, Callable[[Operation], None]] = {"llvm.func": _function}
