// Packing a matmul with sizes partly given by a handle, annotating payload ops, and
// handles to operands picked by position.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %mm = transform.structured.match ops{["linalg.matmul"]} in %root
      : (!transform.any_op) -> !transform.any_op
  %n = transform.param.constant 8 : i64 -> !transform.param<i64>
  %outer = transform.get_parent_op %mm : (!transform.any_op) -> !transform.any_op
  %packed = transform.structured.pack %mm packed_sizes = [2, %outer, 4]
      : (!transform.any_op, !transform.any_op) -> !transform.op<"linalg.generic">
  transform.annotate %mm "marked" : !transform.any_op
  transform.annotate %mm "tile" = %n : !transform.any_op, !transform.param<i64>
  %lhs_rhs = transform.get_operand %mm[0, 1] : (!transform.any_op) -> !transform.any_value
  %rest = transform.get_operand %mm[except(0)] : (!transform.any_op) -> !transform.any_value
}
