"""MLIR's words for malformed input that an op's custom parser in xDSL rejects by
raising (ValueError, IndexError, ...) instead of reporting.

`reword(op_name, error)` returns the message mlir-opt gives for the same input (its
custom parsers in mlir/lib/Dialect/*/IR are cited per entry) and where MLIR puts it:
"op" (the op's name, emitOpError), "last" (the last token read) or "next" (the token the
parser stopped at). None when the raise is not a known reaction to user input: that
stays an internal error, a bug to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = Callable[[Exception], str | None]


def _enum_value(pattern: str, message: str) -> _Rule:
    regex = re.compile(pattern)

    def rule(error: Exception) -> str | None:
        match = regex.search(str(error))
        return None if match is None else message.format(value=match.group(1))
    return rule


def _always(message: str) -> _Rule:
    return lambda error: message


_PREDICATE = _enum_value(r"'([^']*)' is not a valid \w*PredicateFlag",
                         "'{value}' is an incorrect value of the 'predicate' attribute")

RULES: dict[tuple[str, type[Exception]], tuple[_Rule, str]] = {
    # LLVMDialect.cpp parseCmpOp
    ("llvm.icmp", ValueError): (_PREDICATE, "last"),
    ("llvm.fcmp", ValueError): (_PREDICATE, "last"),
    # AllocaOp::parse: the trailing type must be `(size type) -> result type`
    ("llvm.alloca", IndexError): (_always(
        "expected trailing function type with one argument and one result"), "last"),
    # GEPOp: the trailing function type must name the one result
    ("llvm.getelementptr", IndexError): (
        _always("'llvm.getelementptr' op requires one result"), "op"),
    # LinalgOps.cpp parseIteratorTypes (via the attribute's enum), reported after the
    # attribute dictionary
    ("linalg.generic", ValueError): (_enum_value(r"'([^']*)' is not a valid IteratorType",
                                                 "unexpected iterator_type ({value})"), "next"),
}


def reword(op_name: str, error: Exception) -> tuple[str, str] | None:
    for kind in type(error).__mro__:
        found = RULES.get((op_name, kind))
        if found is not None:
            message = found[0](error)
            return None if message is None else (message, found[1])
    return None
