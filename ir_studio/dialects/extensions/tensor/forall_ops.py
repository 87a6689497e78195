"""`tensor.parallel_insert_slice` (inside `scf.forall.in_parallel`), `tensor.rank` and
`tensor.bitcast`, which xDSL 0.74 lacks."""

from __future__ import annotations

from xdsl.dialects.builtin import (
    DenseArrayBase,
    IndexType,
    TensorType,
)
from xdsl.dialects.utils.dynamic_index_list import (
    DynamicIndexList,
)
from xdsl.ir import Operation
from xdsl.irdl import (
    AnyAttr,
    AttrSizedOperandSegments,
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.traits import Pure
from xdsl.utils.exceptions import VerifyException

from ir_studio.dialects.extensions.scf.forall import InParallelOp


def ops() -> list[type[Operation]]:
    return [ParallelInsertSliceOp, RankOp, BitcastOp]


@irdl_op_definition
class ParallelInsertSliceOp(IRDLOperation):
    name = "tensor.parallel_insert_slice"
    source = operand_def(TensorType)
    dest = operand_def(TensorType)
    offsets = var_operand_def(IndexType)
    sizes = var_operand_def(IndexType)
    strides = var_operand_def(IndexType)
    static_offsets = prop_def(DenseArrayBase)
    static_sizes = prop_def(DenseArrayBase)
    static_strides = prop_def(DenseArrayBase)
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    assembly_format = (
        "$source `into` $dest ``"
        "custom<DynamicIndexList>($offsets, $static_offsets)"
        "custom<DynamicIndexList>($sizes, $static_sizes)"
        "custom<DynamicIndexList>($strides, $static_strides)"
        "attr-dict `:` type($source) `into` type($dest)"
    )
    custom_directives = (DynamicIndexList,)

    def verify_(self) -> None:
        parent = self.parent_op()
        if parent is not None and not isinstance(parent, InParallelOp):
            raise VerifyException("expected parent op to be scf.forall.in_parallel")


@irdl_op_definition
class RankOp(IRDLOperation):
    name = "tensor.rank"
    tensor = operand_def(AnyAttr())
    rank = result_def(IndexType())
    traits = traits_def(Pure())
    assembly_format = "$tensor attr-dict `:` type($tensor)"


@irdl_op_definition
class BitcastOp(IRDLOperation):
    name = "tensor.bitcast"
    source = operand_def(TensorType)
    dest = result_def(TensorType)
    traits = traits_def(Pure())
    assembly_format = "$source attr-dict `:` type($source) `to` type($dest)"

    def verify_(self) -> None:
        source, dest = self.source.type, self.dest.type
        width = getattr(source.element_type, "bitwidth", None)  # pyright: ignore[reportAttributeAccessIssue]  # operand constraints, verified before verify_, make it a shaped type
        if (tuple(source.get_shape()) != tuple(dest.get_shape())  # pyright: ignore[reportAttributeAccessIssue]  # operand constraints, verified before verify_, make it a shaped type
                or width != getattr(dest.element_type, "bitwidth", None)):
            raise VerifyException(f"operand type '{source}' and result type '{dest}' are "
                                  "cast incompatible")
