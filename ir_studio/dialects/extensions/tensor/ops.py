"""tensor ops and rules as MLIR 22 has them where xDSL 0.74 differs: `tensor.gather` and
`tensor.scatter` (absent), `tensor.reshape` of an unranked tensor (xDSL wants ranked),
and `tensor.pad` results whose dynamic sizes are not forced by the padding (MLIR only
requires the static sizes it can infer to match, e.g. `tensor<2x3xf32>` padded by
`%n` may be written `tensor<?x?xf32>` and a dynamic source padded to a static size)."""

from __future__ import annotations

import math
from itertools import pairwise
from typing import Any, ClassVar

from xdsl.dialects import tensor
from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    DenseArrayBase,
    FunctionType,
    IndexType,
    IntegerType,
    TensorType,
    UnitAttr,
    UnrankedTensorType,
    i64,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    base,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.formats import replace_constraints


def install() -> None:
    """Rows of the patch table (extensions/patches.py), applied once."""
    any_tensor = base(TensorType) | base(UnrankedTensorType)
    replace_constraints(tensor.ReshapeOp, {"source": any_tensor, "result": any_tensor})
    tensor.ReshapeOp.verify_ = _verify_reshape  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class
    tensor.PadOp.verify_ = _verify_pad  # pyright: ignore[reportAttributeAccessIssue]  # a row of the patch table (extensions/patches.py): MLIR's syntax or rule on xDSL's class


def ops() -> list[type[Operation]]:
    return [GatherOp, ScatterOp]


def _verify_reshape(op: Any) -> None:
    source, shape, result = op.source.type, op.shape.type, op.result.type
    if source.element_type != result.element_type:
        raise VerifyException("element types of source and result tensor types should be "
                              "the same")
    if not isinstance(shape, TensorType) or len(shape.get_shape()) != 1:
        raise VerifyException("shape tensor must have a rank one")
    if isinstance(result, TensorType):
        if shape.get_shape()[0] != len(result.get_shape()):
            raise VerifyException("length of shape operand differs from the result's "
                                  "tensor rank")
        if (isinstance(source, TensorType) and DYNAMIC_INDEX not in source.get_shape()
                and DYNAMIC_INDEX not in result.get_shape()
                and math.prod(source.get_shape()) != math.prod(result.get_shape())):
            raise VerifyException("source and destination tensor should have the same "
                                  "number of elements")


def _inferred_pad_shape(op: Any) -> list[int]:
    shape = []
    for size, low, high in zip(op.source.type.get_shape(), op.static_low.get_values(),
                               op.static_high.get_values(), strict=False):
        dynamic = DYNAMIC_INDEX in (size, low, high)
        shape.append(DYNAMIC_INDEX if dynamic else size + low + high)
    return shape


def _verify_pad(op: Any) -> None:
    """MLIR's rules: where the padding fixes a size, the result must have it."""
    low, high = len(op.static_low), len(op.static_high)
    rank = len(op.source.type.get_shape())
    if low != high or low != rank:
        raise VerifyException(f"number of pad sizes (low {low}, high {high}) must equal "
                              f"the number of dimensions in the source tensor ({rank})")
    result = op.result.type
    inferred = _inferred_pad_shape(op)
    expected = TensorType(result.element_type, inferred)
    if len(result.get_shape()) != rank or any(
            want not in (DYNAMIC_INDEX, have)
            for want, have in zip(inferred, result.get_shape(), strict=True)):
        raise VerifyException(f"specified type '{result}' does not match the inferred "
                              f"type '{expected}'")
    if len(op.region.block.args) != rank:
        raise VerifyException(f"expected the block to have {rank} arguments")


def _dims(parser: Parser, keyword: str) -> DenseArrayBase:
    parser.parse_keyword(keyword)
    parser.parse_punctuation("(")
    values = parser.parse_comma_separated_list(Parser.Delimiter.SQUARE, parser.parse_integer)
    parser.parse_punctuation(")")
    return DenseArrayBase.from_list(i64, values)


def _print_dims(printer: Printer, keyword: str, dims: DenseArrayBase) -> None:
    printer.print_string(f" {keyword}([{', '.join(str(d) for d in dims.get_values())}])")  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires


class _IndexedTensorOp(IRDLOperation):
    """Shared syntax: `... [%indices] <dims>([d, ...]) unique? attr-dict : (T, ...) -> R`."""

    DIMS_KEYWORD: ClassVar[str] = ""
    unique = opt_prop_def(UnitAttr)

    def _expected(self, source: TensorType, dims: list[int]) -> list[list[int]]:
        """The result (gather) or source (scatter) shapes MLIR accepts: the index
        batch shape, then the source shape with gathered dims kept as 1 or dropped."""
        batch = list(self.indices.type.get_shape()[:-1])  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
        shape = list(source.get_shape())
        kept = [1 if i in dims else s for i, s in enumerate(shape)]
        dropped = [s for i, s in enumerate(shape) if i not in dims]
        return [batch + kept, batch + dropped]

    def _check(self, source: Any, other: Any, dims: list[int], what: str) -> None:
        indices = self.indices.type  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
        if not isinstance(indices, TensorType) or not isinstance(
                indices.element_type, IntegerType | IndexType):
            raise VerifyException("indices must be a ranked tensor of integers or index")
        if not dims:
            raise VerifyException(f"{self.DIMS_KEYWORD}_dims must be non-empty")
        if len(dims) > len(source.get_shape()):
            raise VerifyException(f"{self.DIMS_KEYWORD}_dims overflow source rank")
        if any(d < 0 or d >= len(source.get_shape()) for d in dims):
            raise VerifyException(f"{self.DIMS_KEYWORD}_dims value must be a valid "
                                  "dimension of the source")
        if any(a >= b for a, b in pairwise(dims)):
            raise VerifyException(f"{self.DIMS_KEYWORD}_dims values must be strictly "
                                  "increasing")
        if not indices.get_shape() or indices.get_shape()[-1] != len(dims):
            raise VerifyException(f"{self.DIMS_KEYWORD}_dims length must match the size "
                                  "of last dimension of indices")
        kept, dropped = (TensorType(source.element_type, shape)
                         for shape in self._expected(source, dims))
        if list(other.get_shape()) not in self._expected(source, dims):
            raise VerifyException(f"{what} type mismatch: expected '{kept}' or its "
                                  f"rank-reduced variant '{dropped}' (got: '{other}')")

    @classmethod
    def parse(cls, parser: Parser) -> Any:
        source = parser.parse_unresolved_operand()
        operands = [source]
        if cls is ScatterOp:
            parser.parse_keyword("into")
            operands.append(parser.parse_unresolved_operand())
        parser.parse_punctuation("[")
        operands.append(parser.parse_unresolved_operand())
        parser.parse_punctuation("]")
        dims_name = f"{cls.DIMS_KEYWORD}_dims"
        properties: dict[str, Any] = {dims_name: _dims(parser, dims_name)}
        if parser.parse_optional_keyword("unique") is not None:
            properties["unique"] = UnitAttr()
        attributes = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        pos = parser.pos
        function = parser.parse_type()
        if not isinstance(function, FunctionType) or len(function.inputs) != len(operands) \
                or len(function.outputs) != 1:
            parser.raise_error(f"expected a function type with {len(operands)} inputs and "
                               "one result", pos, parser.pos)
        resolved = [parser.resolve_operand(o, t)
                    for o, t in zip(operands, function.inputs.data, strict=True)]
        return cls.create(operands=resolved, result_types=[function.outputs.data[0]],
                          properties=properties, attributes=attributes)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.operands[0])
        if isinstance(self, ScatterOp):
            printer.print_string(" into ")
            printer.print_operand(self.dest)
        printer.print_string("[")
        printer.print_operand(self.indices)  # pyright: ignore[reportAttributeAccessIssue]  # each subclass declares this field
        printer.print_string("]")
        _print_dims(printer, f"{self.DIMS_KEYWORD}_dims",
                    self.properties[f"{self.DIMS_KEYWORD}_dims"])  # pyright: ignore[reportArgumentType]  # the operand's constraint, verified before verify_, gives this type
        if self.unique is not None:
            printer.print_string(" unique")
        printer.print_op_attributes(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(FunctionType.from_lists([o.type for o in self.operands],
                                                        [r.type for r in self.results]))


@irdl_op_definition
class GatherOp(_IndexedTensorOp):
    """`%g = tensor.gather %src[%idx] gather_dims([1, 2]) : (T, I) -> R`."""

    name = "tensor.gather"
    DIMS_KEYWORD: ClassVar[str] = "gather"
    source = operand_def(TensorType)
    indices = operand_def(TensorType)
    gather_dims = prop_def(DenseArrayBase)
    result = result_def(TensorType)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        dims = list(self.gather_dims.get_values())  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
        self._check(self.source.type, self.result.type, dims, "result")


@irdl_op_definition
class ScatterOp(_IndexedTensorOp):
    """`%s = tensor.scatter %src into %dest[%idx] scatter_dims([1]) unique : ... -> D`."""

    name = "tensor.scatter"
    DIMS_KEYWORD: ClassVar[str] = "scatter"
    source = operand_def(TensorType)
    dest = operand_def(TensorType)
    indices = operand_def(TensorType)
    scatter_dims = prop_def(DenseArrayBase)
    result = result_def(TensorType)
    traits = traits_def(Pure())

    def verify_(self) -> None:
        dims = list(self.scatter_dims.get_values())  # pyright: ignore[reportAttributeAccessIssue]  # an integer dense array, as the property's constraint requires
        if self.unique is None:
            raise VerifyException("requires 'unique' attribute to be set")
        if self.result.type != self.dest.type:
            raise VerifyException("result type must match dest type")
        self._check(self.dest.type, self.source.type, dims, "source")
