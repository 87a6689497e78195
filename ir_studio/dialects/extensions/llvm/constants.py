"""`llvm.mlir.constant` as MLIR 22 reads it: xDSL 0.74 takes only integer, float and
dense values, so string constants (`("abc") : !llvm.array<3 x i8>`) and struct
constants (`([1 : i32, 2.0 : f32]) : !llvm.struct<(i32, f32)>`) were rejected. The
value accepts any attribute here and `check_constant` applies the rules of MLIR's
ConstantOp::verify that ir_studio.op_checks does not already make (strings, structs,
array attributes, element counts of nested arrays, scalable vectors)."""

from __future__ import annotations

import math
from collections.abc import Callable

from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IntegerAttr,
    IntegerType,
    StringAttr,
    TensorType,
    VectorType,
)
from xdsl.ir import Attribute, Operation
from xdsl.utils.exceptions import VerifyException


def install() -> None:
    """A patch-table row: the value accepts any attribute (check_constant narrows it to
    MLIR's rules)."""
    from xdsl.dialects import llvm
    from xdsl.irdl import AnyAttr

    definition = llvm.ConstantOp.get_irdl_definition()
    old = definition.properties["value"]
    if not isinstance(old.constr, AnyAttr):
        definition.properties["value"] = type(old)(AnyAttr(), old.default_value)


def _array_shape(value_type: Attribute) -> tuple[list[int], Attribute]:
    """`!llvm.array<2 x array<3 x i32>>` -> ([2, 3], i32)."""
    sizes: list[int] = []
    while value_type.name == "llvm.array":
        sizes.append(getattr(getattr(value_type, "size", None), "data", 0))
        value_type = getattr(value_type, "type", value_type)
    return sizes, value_type


def _struct_body(value_type: Attribute) -> list[Attribute]:
    types = getattr(value_type, "types", None)
    return list(types.data) if types is not None else []


def _check_struct(value: Attribute, struct: Attribute) -> None:
    if not isinstance(value, ArrayAttr):
        raise VerifyException("expected array attribute for struct type")
    body = _struct_body(struct)
    if len(value.data) != len(body):
        raise VerifyException(f"expected array attribute of size {len(body)}")
    for index, (element, element_type) in enumerate(zip(value.data, body, strict=True)):
        if not (isinstance(element_type, IntegerType) or element_type.name == "index"
                or element_type.name.startswith(("f", "bf"))):
            raise VerifyException("expected struct element types to be floating point type "
                                  "or integer type")
        if not isinstance(element, IntegerAttr | FloatAttr):
            raise VerifyException("expected element of array attribute to be floating point "
                                  "or integer")
        if element.type != element_type:
            raise VerifyException(f"struct element at index {index} is of wrong type")


def _check_array_attr(value: ArrayAttr, result: Attribute) -> None:
    sizes, element = _array_shape(result)
    if not sizes:
        raise VerifyException("expected array type")
    if element.name != "llvm.struct":
        raise VerifyException("for array with an array attribute must have a struct "
                              "element type")
    if len(sizes) == 1 and len(value.data) != sizes[0]:
        raise VerifyException(f"array attribute size does not match array type size in "
                              f"dimension 0: {len(value.data)} vs. {sizes[0]}")
    for item in value.data:
        _check_struct(item, element)


def check_constant(op: Operation) -> None:
    value = op.properties.get("value")
    if value is None or not op.results:
        return
    result = op.results[0].type
    if isinstance(value, StringAttr):
        sizes, element = _array_shape(result)
        if len(sizes) != 1 or sizes[0] != len(value.data.encode()) \
                or element != IntegerType(8):
            raise VerifyException(f"expected array type of {len(value.data.encode())} i8 "
                                  "elements for the string constant")
        return
    if result.name == "llvm.struct":
        _check_struct(value, result)
        return
    if not isinstance(value, IntegerAttr | FloatAttr | ArrayAttr | DenseIntOrFPElementsAttr):
        raise VerifyException("only supports integer, float, string or elements attributes")
    if isinstance(value, ArrayAttr):
        _check_array_attr(value, result)
        return
    if isinstance(value, DenseIntOrFPElementsAttr):
        if isinstance(result, VectorType) and any(result.get_scalable_dims()) and \
                len(set(value.get_values())) > 1:
            raise VerifyException("scalable vector type requires a splat attribute")
        sizes, inner = _array_shape(result)
        value_type = value.get_type()
        if sizes and isinstance(value_type, TensorType | VectorType):
            if isinstance(inner, VectorType):  # an array of vectors counts their lanes too
                sizes = [*sizes, *inner.get_shape()]
            expected, got = math.prod(sizes), math.prod(value_type.get_shape())
            if expected != got:
                raise VerifyException(f"type and attribute have a different number of "
                                      f"elements: {expected} vs. {got}")

LLVM_CONSTANT_CHECKS: dict[str, Callable[[Operation], None]] = {
    "llvm.mlir.constant": check_constant}
