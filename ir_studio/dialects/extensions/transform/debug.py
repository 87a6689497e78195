"""The transform dialect's debug extension (DebugExtensionOps.td), which xDSL 0.74 lacks,
in MLIR's declarative formats:

    transform.debug.emit_remark_at %h, "matched" : !transform.any_op
    transform.debug.emit_param_as_remark %p, "size" at %h : !transform.param<i64>, !transform.any_op
"""

from __future__ import annotations

from xdsl.dialects.builtin import StringAttr
from xdsl.dialects.transform import TransformHandleType, TransformParamHandleType
from xdsl.ir import Operation
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
)


def ops() -> list[type[Operation]]:
    return [EmitRemarkAtOp, EmitParamAsRemarkOp]


@irdl_op_definition
class EmitRemarkAtOp(IRDLOperation):
    name = "transform.debug.emit_remark_at"
    at = operand_def(TransformHandleType)
    message = prop_def(StringAttr)
    assembly_format = "$at `,` $message attr-dict `:` type($at)"


@irdl_op_definition
class EmitParamAsRemarkOp(IRDLOperation):
    name = "transform.debug.emit_param_as_remark"
    param = operand_def(TransformParamHandleType)
    anchor = opt_operand_def(TransformHandleType)
    message = opt_prop_def(StringAttr)
    assembly_format = ("$param (`,` $message^)? (`at` $anchor^)? attr-dict `:` type($param) "
                       "(`,` type($anchor)^)?")
