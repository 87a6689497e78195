"""LLVMFuncOp::verify's checks that xDSL 0.74 lacks: the `llvm.*` argument and result
attributes (also on func.func), one type for the results of its `llvm.landingpad`s and
the operands of its `llvm.resume`s (the first one met sets it), and block tags unique
within the function. Kept free of xDSL's llvm module so that registering it in
`extra_verifiers` costs nothing at start-up."""

from __future__ import annotations

from collections.abc import Callable

from xdsl.dialects.builtin import (
    ArrayAttr,
    DictionaryAttr,
    IntegerAttr,
    IntegerType,
    UnitAttr,
    VectorType,
)
from xdsl.ir import Attribute, Operation, TypeAttribute
from xdsl.utils.exceptions import VerifyException

from ir_studio.pre_verifiers import VerifyAtOp


def _function(op: Operation) -> None:
    if not op.regions or not op.regions[0].blocks:
        return
    exception_type: Attribute | None = None  # one type for landingpads and resumes
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
        if exception_type is None:
            exception_type = value_type
        elif exception_type != value_type:
            what = "result" if kind == "landingpad" else "input"
            raise VerifyException(f"'llvm.{kind}' should have a consistent {what} type "
                                  "inside a function")


# LLVMDialect::verifyParameterAttribute: what each `llvm.*` argument or result attribute
# holds, and which types it may be attached to.
_UNIT = frozenset({"noalias", "readonly", "nest", "signext", "zeroext", "noundef", "inreg",
                   "nocapture", "nofree", "nonnull", "returned", "writeonly", "readnone",
                   "allocalign", "allocptr"})
_INTEGER = frozenset({"align", "dereferenceable", "dereferenceable_or_null", "alignstack"})
_TYPE = frozenset({"sret", "byval", "byref", "inalloca", "preallocated", "elementtype"})
_POINTER_ONLY = frozenset({"noalias", "readonly", "nest", "align", "sret", "byval", "byref",
                           "inalloca", "dereferenceable", "dereferenceable_or_null",
                           "nocapture", "nofree", "nonnull", "preallocated",
                           "writeonly", "readnone"})
_INTEGER_ONLY = frozenset({"signext", "zeroext"})
_NOT_FOR_RESULTS = frozenset({"allocalign", "allocptr", "byval", "byref", "inalloca", "nest",
                              "nocapture", "nofree", "preallocated", "readnone", "readonly",
                              "alignstack", "sret", "writeonly"})


def _llvm_compatible(value_type: Attribute) -> bool:
    """Types MLIR's LLVM::isCompatibleType accepts that these checks look at (others,
    such as memrefs on a func.func, are left alone as MLIR does)."""
    return isinstance(value_type, IntegerType | VectorType) or \
        value_type.name.startswith(("llvm.", "f16", "bf16", "f32", "f64", "f80", "f128"))


def _parameter_problem(name: str, value: Attribute, value_type: Attribute,
                       result: bool) -> str | None:
    short = name.removeprefix("llvm.")
    if result and short in _NOT_FOR_RESULTS:
        return f'"{name}" is not a valid result attribute'
    if short in _UNIT and not isinstance(value, UnitAttr):
        return f'"{name}" should be a unit attribute'
    if short in _INTEGER and not isinstance(value, IntegerAttr):
        return f'"{name}" should be an integer attribute'
    if short in _TYPE and not isinstance(value, TypeAttribute):
        return f'"{name}" should be a type attribute'
    if not _llvm_compatible(value_type):
        return None
    if short in _POINTER_ONLY and value_type.name != "llvm.ptr":
        return f'"{name}" attribute attached to non-pointer LLVM type'
    if short in _INTEGER_ONLY and not isinstance(value_type, IntegerType):
        return f'"{name}" attribute attached to non-integer LLVM type'
    return None


def _function_type_lists(op: Operation) -> tuple[list[Attribute], list[Attribute]]:
    function_type = op.properties.get("function_type")
    inputs = getattr(function_type, "inputs", None)
    if function_type is None or inputs is None:
        return [], []
    if op.name == "llvm.func":
        output = getattr(function_type, "output", None)
        outputs = [] if output is None or output.name == "llvm.void" else [output]
    else:
        outputs = list(getattr(function_type, "outputs", ArrayAttr([])).data)
    return list(inputs.data), outputs


def _parameter_attributes(op: Operation) -> None:
    inputs, outputs = _function_type_lists(op)
    for key, types, result in (("arg_attrs", inputs, False), ("res_attrs", outputs, True)):
        groups = op.properties.get(key)
        if not isinstance(groups, ArrayAttr):
            continue
        for group, value_type in zip(groups.data, types, strict=False):
            if not isinstance(group, DictionaryAttr):
                continue
            for name, value in group.data.items():
                if not name.startswith("llvm."):
                    continue
                problem = _parameter_problem(name, value, value_type, result)
                if problem is not None:
                    raise VerifyException(problem)


def _dialect_attributes_only(op: Operation) -> None:
    """FunctionOpInterface's rule (func.func has it in ir_studio.op_checks)."""
    for key, word in (("arg_attrs", "arguments"), ("res_attrs", "results")):
        groups = op.properties.get(key)
        if isinstance(groups, ArrayAttr) and any(
                isinstance(group, DictionaryAttr) and any("." not in n for n in group.data)
                for group in groups.data):
            raise VerifyException(f"{word} may only have dialect attributes")


def _llvm_function(op: Operation) -> None:
    _dialect_attributes_only(op)
    _parameter_attributes(op)
    _function(op)


LLVM_FUNCTION_CHECKS: dict[str, Callable[[Operation], None]] = {
    "llvm.func": _llvm_function, "func.func": _parameter_attributes}
