"""Windowed linalg named ops xDSL 0.74 lacks, as CNN pipelines (TOSA -> linalg) emit
them: `pooling_nhwc_{max,min,sum}`, `pooling_nchw_sum` and `depthwise_conv_2d_nhwc_hwc`;
and `linalg.softmax`.
Each is xDSL's pooling or convolution base with its indexing maps, so the named-op
syntax (`{dilations = ..., strides = ...} ins(...) outs(...)`) and the structured-op
verifier (sizes against the maps, strides and dilations) apply."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from xdsl.dialects.builtin import AnyFloat, ArrayAttr, IntegerAttr, MemRefType, TensorType, i64
from xdsl.dialects.linalg.abstract_ops import ConvOperation, PoolingOperation
from xdsl.dialects.linalg.attrs import IteratorTypeAttr
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineExpr, AffineMap
from xdsl.irdl import (
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    prop_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

MapsOf = Callable[[list[AffineExpr], tuple[int, int], tuple[int, int]], tuple[AffineMap, ...]]


def install() -> None:
    """Nothing to patch: the ops join linalg through `extra_ops`."""


def extra_ops(dialect: str) -> list[type[Operation]]:
    return list(_OPS) if dialect == "linalg" else []


def _nhwc(d: list[AffineExpr], stride: tuple[int, int],
          dilation: tuple[int, int]) -> tuple[AffineMap, ...]:
    n, oh, ow, c, kh, kw = d
    return (AffineMap(6, 0, (n, oh * stride[0] + kh * dilation[0],
                             ow * stride[1] + kw * dilation[1], c)),
            AffineMap(6, 0, (kh, kw)),
            AffineMap(6, 0, (n, oh, ow, c)))


def _nchw(d: list[AffineExpr], stride: tuple[int, int],
          dilation: tuple[int, int]) -> tuple[AffineMap, ...]:
    n, c, oh, ow, kh, kw = d
    return (AffineMap(6, 0, (n, c, oh * stride[0] + kh * dilation[0],
                             ow * stride[1] + kw * dilation[1])),
            AffineMap(6, 0, (kh, kw)),
            AffineMap(6, 0, (n, c, oh, ow)))


def _depthwise(d: list[AffineExpr], stride: tuple[int, int],
               dilation: tuple[int, int]) -> tuple[AffineMap, ...]:
    n, oh, ow, c, kh, kw = d
    return (AffineMap(6, 0, (n, oh * stride[0] + kh * dilation[0],
                             ow * stride[1] + kw * dilation[1], c)),
            AffineMap(6, 0, (kh, kw, c)),
            AffineMap(6, 0, (n, oh, ow, c)))


def _windowed_maps(op: Operation, maps_of: MapsOf) -> tuple[AffineMap, ...]:
    stride_h, stride_w = op.strides.get_values()  # pyright: ignore[reportAttributeAccessIssue]  # every windowed linalg op declares strides
    dilation_h, dilation_w = op.dilations.get_values()  # pyright: ignore[reportAttributeAccessIssue]  # every windowed linalg op declares dilations
    dims: list[AffineExpr] = [AffineDimExpr(i) for i in range(6)]
    return maps_of(dims, (stride_h, stride_w), (dilation_h, dilation_w))


def _pooling(op_name: str, maps_of: MapsOf, combine: tuple[str, str]) -> type[Operation]:
    """`combine`: the (float, integer) op that folds a window element into the output."""

    class Pooling(PoolingOperation):
        name = op_name

        @classmethod
        def get_hidden_region(cls, inputs: Sequence[SSAValue],
                              outputs: Sequence[SSAValue]) -> Region:
            from xdsl.dialects.linalg.ops import YieldOp

            from ir_studio.context import shared_context

            arg_types = cls.body_arg_types((*inputs, *outputs))
            wanted = combine[0] if isinstance(arg_types[-1], AnyFloat) else combine[1]
            op_class = shared_context().get_op(wanted)
            block = Block(arg_types=arg_types)
            # MLIR's pooling bodies fold the output (last argument) with the input.
            folded = op_class.build(operands=[block.args[-1], block.args[0]],  # pyright: ignore[reportAttributeAccessIssue]  # the context's ops are IRDL ops (build is IRDLOperation's)
                                    result_types=[arg_types[-1]])
            block.add_ops([folded, YieldOp(folded.results[0])])
            return Region(block)

        def get_default_indexing_maps(self) -> Sequence[AffineMap]:
            return _windowed_maps(self, maps_of)

    Pooling.__name__ = Pooling.__qualname__ = (
        "".join(part.title() for part in op_name.split(".")[1].split("_")) + "Op")
    return irdl_op_definition(Pooling)


@irdl_op_definition
class DepthwiseConv2DNhwcHwcOp(ConvOperation):
    """Depthwise 2-D convolution: one filter per channel, no channel reduction."""

    name = "linalg.depthwise_conv_2d_nhwc_hwc"

    def get_default_indexing_maps(self) -> Sequence[AffineMap]:
        return _windowed_maps(self, _depthwise)

    def get_iterator_types(self) -> ArrayAttr[IteratorTypeAttr]:
        return ArrayAttr((IteratorTypeAttr.parallel(),) * 4
                         + (IteratorTypeAttr.reduction(),) * 2)


_OPS = (
    _pooling("linalg.pooling_nhwc_max", _nhwc, ("arith.maximumf", "arith.maxsi")),
    _pooling("linalg.pooling_nhwc_min", _nhwc, ("arith.minimumf", "arith.minsi")),
    _pooling("linalg.pooling_nhwc_sum", _nhwc, ("arith.addf", "arith.addi")),
    _pooling("linalg.pooling_nchw_sum", _nchw, ("arith.addf", "arith.addi")),
    DepthwiseConv2DNhwcHwcOp,
)


@irdl_op_definition
class SoftmaxOp(IRDLOperation):
    """`linalg.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%y : tensor<4x8xf32>)
    -> tensor<4x8xf32>` (not a structured op: no hidden body)."""

    name = "linalg.softmax"
    input = operand_def(base(TensorType) | base(MemRefType))
    output = operand_def(base(TensorType) | base(MemRefType))
    result = var_result_def(TensorType)
    dimension = prop_def(IntegerAttr)

    def verify_(self) -> None:
        source, target = self.input.type, self.output.type
        if tuple(source.get_shape()) != tuple(target.get_shape()):  # pyright: ignore[reportAttributeAccessIssue]  # operand constraints, verified before verify_, make it a shaped type
            raise VerifyException("incompatible output shape")
        if not 0 <= self.dimension.value.data < len(source.get_shape()):  # pyright: ignore[reportAttributeAccessIssue]  # operand constraints, verified before verify_, make it a shaped type
            raise VerifyException("incorrect dimension specified")

    @classmethod
    def parse(cls, parser: Parser) -> SoftmaxOp:
        parser.parse_keyword("dimension")
        parser.parse_punctuation("(")
        dimension = parser.parse_integer(allow_boolean=False)
        parser.parse_punctuation(")")
        attributes = parser.parse_optional_attr_dict()
        operands = []
        for keyword in ("ins", "outs"):
            parser.parse_keyword(keyword)
            parser.parse_punctuation("(")
            value = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            operands.append(parser.resolve_operand(value, parser.parse_type()))
            parser.parse_punctuation(")")
        results: list[Any] = []
        if parser.parse_optional_punctuation("->") is not None:
            results = [parser.parse_type()]
        return cls.create(operands=operands, result_types=results, attributes=attributes,
                          properties={"dimension": IntegerAttr(dimension, i64)})

    def print(self, printer: Printer) -> None:
        printer.print_string(f" dimension({self.dimension.value.data})")
        printer.print_op_attributes(self.attributes)
        for keyword, value in (("ins", self.input), ("outs", self.output)):
            printer.print_string(f" {keyword}(")
            printer.print_operand(value)
            printer.print_string(" : ")
            printer.print_attribute(value.type)
            printer.print_string(")")
        if self.results:
            printer.print_string(" -> ")
            printer.print_attribute(self.results[0].type)


_OPS = (*_OPS, SoftmaxOp)
