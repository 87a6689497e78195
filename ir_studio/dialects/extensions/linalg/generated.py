"""The named linalg ops of `named_table.py` (generated from MLIR 22's records) as
xDSL ops: every convolution, depthwise convolution and pooling variant, `mmt4d`,
`batch_mmt4d`, `batch_vecmat`, the quantized contractions, `matvec`, `vecmat`,
`batch_matvec` and `dot`.

One class per op, built from its table entry: xDSL's named-op syntax
(`{strides = ...} ins(...) outs(...) -> ...`) and structured-op verifier (operand sizes
against the indexing maps) apply; `strides` and `dilations` default to ones as in MLIR
(xDSL's own convolutions require them); the hidden body is the one MLIR's region
builder makes, for integer, float and complex element types. These replace xDSL's
definitions of the same names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from xdsl.dialects.builtin import (
    AnyFloat,
    ArrayAttr,
    ComplexType,
    DenseIntElementsAttr,
    IndexType,
    IntegerType,
    ShapedType,
    f64,
)
from xdsl.dialects.linalg.abstract_ops import NamedOperation
from xdsl.dialects.linalg.attrs import IteratorTypeAttr
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineExpr, AffineMap
from xdsl.irdl import irdl_op_definition, opt_prop_def
from xdsl.utils.exceptions import VerifyException
from xdsl.utils.hints import isa

# Ops defined by hand elsewhere (custom maps or bodies) keep their definitions.
_HAND_WRITTEN: frozenset[str] = frozenset()


def ops() -> list[type[Operation]]:
    if not _OPS:
        # read when linalg loads, not when the patch table imports this module's helpers
        from ir_studio.dialects.extensions.linalg.named_table import SPECS

        _OPS.extend(_define(name, spec) for name, spec in sorted(SPECS.items())
                    if name not in _HAND_WRITTEN)
    return list(_OPS)


_OPS: list[type[Operation]] = []


class BodyError(ValueError):
    """MLIR's region builder has no op for this element type (NamedOperation.parse turns
    a ValueError into a parse error at the op)."""


def _element(value_type: Attribute) -> Attribute:
    return value_type.get_element_type() if isinstance(value_type, ShapedType) else value_type  # pyright: ignore[reportAttributeAccessIssue]  # memrefs, tensors and vectors define it


def _is_int(t: Attribute) -> bool:
    return isinstance(t, IntegerType | IndexType)


def _cast_op(function: str, source: Attribute, target: Attribute) -> str | None:
    """The arith op MLIR's `RegionBuilderHelper::buildTypeFn` picks (None: no cast)."""
    unsigned = function == "cast_unsigned"
    if source == target:
        return None
    if isinstance(source, IndexType) or isinstance(target, IndexType):
        return "arith.index_castui" if unsigned else "arith.index_cast"
    if isinstance(source, IntegerType) and isinstance(target, IntegerType):
        if source.width.data < target.width.data:
            return "arith.extui" if unsigned else "arith.extsi"
        return "arith.trunci"
    if isinstance(source, IntegerType) and isinstance(target, AnyFloat):
        return "arith.uitofp" if unsigned else "arith.sitofp"
    if isinstance(source, AnyFloat) and isinstance(target, IntegerType):
        return "arith.fptoui" if unsigned else "arith.fptosi"
    if isinstance(source, AnyFloat) and isinstance(target, AnyFloat):
        return "arith.extf" if source.bitwidth < target.bitwidth else "arith.truncf"
    raise BodyError(f"unsupported type conversion function from {source} to {target}")


# function -> (complex, float, i1, integer) op; None where MLIR reports an error
_BINARY: dict[str, tuple[str | None, str | None, str | None, str | None]] = {
    "add": ("complex.add", "arith.addf", "arith.ori", "arith.addi"),
    "sub": ("complex.sub", "arith.subf", None, "arith.subi"),
    "mul": ("complex.mul", "arith.mulf", "arith.andi", "arith.muli"),
    "div": ("complex.div", "arith.divf", None, "arith.divsi"),
    "div_unsigned": (None, None, None, "arith.divui"),
    "max_signed": (None, "arith.maximumf", "arith.maxsi", "arith.maxsi"),
    "min_signed": (None, "arith.minimumf", "arith.minsi", "arith.minsi"),
    "max_unsigned": (None, "arith.maximumf", "arith.maxui", "arith.maxui"),
    "min_unsigned": (None, "arith.minimumf", "arith.minui", "arith.minui"),
    "powf": (None, "math.powf", None, None),
}


def _binary_op(function: str, operand_type: Attribute) -> str:
    complex_op, float_op, bool_op, int_op = _BINARY[function]
    if isinstance(operand_type, ComplexType):
        chosen = complex_op
    elif isinstance(operand_type, AnyFloat):
        chosen = float_op
    elif isinstance(operand_type, IntegerType) and operand_type.width.data == 1:
        chosen = bool_op
    else:
        chosen = int_op if _is_int(operand_type) else None
    if chosen is None:
        raise BodyError(f"unsupported operation: {function} on {operand_type}")
    return chosen


# unary function -> (float op, integer op); "square" multiplies, "reciprocal" divides 1
_UNARY: dict[str, tuple[str | None, str | None]] = {
    "exp": ("math.exp", None), "log": ("math.log", None), "abs": ("math.absf", "math.absi"),
    "ceil": ("math.ceil", None), "floor": ("math.floor", None), "negf": ("arith.negf", None),
    "round": ("math.round", None), "sqrt": ("math.sqrt", None), "rsqrt": ("math.rsqrt", None),
    "tanh": ("math.tanh", None), "erf": ("math.erf", None),
    "square": ("arith.mulf", "arith.muli"), "reciprocal": ("arith.divf", None),
}


def _unary_op(ctx: Any, function: str, value: SSAValue, block: Block) -> Operation:
    """MLIR's `RegionBuilderHelper::buildUnaryFn` (ops added to `block` before it)."""
    float_op, int_op = _UNARY.get(function, (None, None))
    chosen = float_op if isinstance(value.type, AnyFloat) else (
        int_op if isinstance(value.type, IntegerType) else None)
    if chosen is None:
        raise BodyError(f"unsupported operation: {function} on {value.type}")
    if function == "square":
        return ctx.get_op(chosen).build(operands=[value, value], result_types=[value.type])
    if function == "reciprocal":
        from xdsl.dialects.builtin import FloatAttr

        one = ctx.get_op("arith.constant").build(
            properties={"value": FloatAttr(1.0, value.type)},  # pyright: ignore[reportArgumentType, reportCallIssue]  # a float: `chosen` is set only for float elements
            result_types=[value.type])
        block.add_op(one)
        return ctx.get_op(chosen).build(operands=[one.results[0], value],
                                        result_types=[value.type])
    return ctx.get_op(chosen).build(operands=[value], result_types=[value.type])


def build_body(spec: dict[str, Any], arg_types: Sequence[Attribute]) -> Region:
    from xdsl.dialects.linalg.ops import YieldOp

    from ir_studio.context import shared_context

    ctx = shared_context()
    block = Block(arg_types=arg_types)
    values: dict[str, SSAValue] = {f"a{i}": arg for i, arg in enumerate(block.args)}

    def type_of(name: str) -> Attribute:
        return f64 if name == "f64" else (
            IntegerType(int(name[1:])) if name[0] == "i" and name[1:].isdigit()
            else values[name].type)

    for step in spec["body"]:
        target, kind, function, *operands = step
        if kind == "type":
            to_type, source = type_of(operands[0]), values[operands[1]]
            name = _cast_op(function, source.type, to_type)
            if name is None:
                values[target] = source
                continue
            op = ctx.get_op(name).build(operands=[source], result_types=[to_type])  # pyright: ignore[reportAttributeAccessIssue]  # the context's ops are IRDL ops (build is IRDLOperation's)
        elif kind == "binary":
            lhs, rhs = values[operands[0]], values[operands[1]]
            op = ctx.get_op(_binary_op(function, lhs.type)).build(  # pyright: ignore[reportAttributeAccessIssue]  # the context's ops are IRDL ops (build is IRDLOperation's)
                operands=[lhs, rhs], result_types=[lhs.type])
        elif kind == "unary":
            op = _unary_op(ctx, function, values[operands[0]], block)
        elif kind == "ternary":
            condition, lhs, rhs = (values[name] for name in operands)
            op = ctx.get_op("arith.select").build(operands=[condition, lhs, rhs],  # pyright: ignore[reportAttributeAccessIssue]  # the context's ops are IRDL ops (build is IRDLOperation's)
                                                  result_types=[lhs.type])
        else:
            raise BodyError(f"no body builder for {kind} functions")
        block.add_op(op)
        values[target] = op.results[0]
    block.add_op(YieldOp(*(values[v] for v in spec["yields"])))
    return Region(block)


def _result(text: str, windows: dict[str, tuple[int, ...]]) -> AffineExpr:
    """`d1 * strides[0] + d3 * dilations[0]` with the attributes' values."""
    expr: AffineExpr | None = None
    for term in text.split(" + "):
        dim, _, factor = term.partition(" * ")
        part: AffineExpr = AffineDimExpr(int(dim[1:]))
        if factor:
            name, _, index = factor.rstrip("]").partition("[")
            part = part * AffineConstantExpr(windows[name][int(index)])
        expr = part if expr is None else expr + part
    assert expr is not None, text
    return expr


class GeneratedNamedOp(NamedOperation):
    """Base of the generated ops; `SPEC` is the op's table entry."""

    PRINT_ATTRS_IN_FRONT: ClassVar[bool] = True
    SPEC: ClassVar[dict[str, Any]] = {}

    strides = opt_prop_def(DenseIntElementsAttr)
    dilations = opt_prop_def(DenseIntElementsAttr)

    @staticmethod
    def body_arg_types(operands: Sequence[SSAValue]) -> Sequence[Any]:
        """Element types of the body's arguments (complex ones too)."""
        return [_element(op.type) for op in operands]

    @classmethod
    def get_hidden_region(cls, inputs: Sequence[SSAValue],
                          outputs: Sequence[SSAValue]) -> Region:
        arg_types = cls.body_arg_types((*inputs, *outputs))
        if len(arg_types) != cls.SPEC["args"]:
            raise BodyError(f"expected {cls.SPEC['args'] - 1} inputs and 1 output")
        return build_body(cls.SPEC, arg_types)

    def _window(self, name: str) -> tuple[int, ...]:
        size = self.SPEC["window"]
        attr = self.properties.get(name) or self.attributes.get(name)
        if attr is None:
            return (1,) * size
        if not isa(attr, DenseIntElementsAttr):
            raise VerifyException(f"incorrect element type for index attribute '{name}'")
        if tuple(attr.get_shape() or ()) != (size,):
            raise VerifyException(f"incorrect shape for index attribute '{name}'")
        return tuple(attr.get_values())

    def get_default_indexing_maps(self) -> Sequence[AffineMap]:
        windows = {name: self._window(name) for name in ("strides", "dilations")} \
            if self.SPEC["window"] else {}
        loops = len(self.SPEC["loops"])
        return tuple(AffineMap(loops, 0, tuple(_result(r, windows)
                                               for r in results.split(", ") if r))
                     for results in self.SPEC["maps"])

    def get_iterator_types(self) -> ArrayAttr[IteratorTypeAttr]:
        return ArrayAttr([IteratorTypeAttr.parallel() if kind == "p"
                          else IteratorTypeAttr.reduction() for kind in self.SPEC["loops"]])

    def verify_(self) -> None:
        if not self.SPEC["window"]:
            for name in ("strides", "dilations"):
                if name in self.properties:
                    raise VerifyException(f"'{self.name}' op has no '{name}' attribute")
        else:
            self._window("strides")
            self._window("dilations")
        if len(self.operands) != self.SPEC["args"]:
            raise VerifyException(f"expected {self.SPEC['args']} operands, "
                                  f"but found {len(self.operands)}")
        super().verify_()


def _define(short_name: str, spec: dict[str, Any]) -> type[Operation]:
    class Generated(GeneratedNamedOp):
        name = f"linalg.{short_name}"
        SPEC: ClassVar[dict[str, Any]] = spec

    Generated.__name__ = Generated.__qualname__ = (
        "".join(part.title() for part in short_name.split("_")) + "Op")
    return irdl_op_definition(Generated)
