// transpose_matmul transposes the left or the right operand.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %mm = transform.structured.match ops{["linalg.matmul"]} in %root
      : (!transform.any_op) -> !transform.any_op
  %a = transform.structured.transpose_matmul %mm <lhs> : (!transform.any_op) -> !transform.any_op
  %b = transform.structured.transpose_matmul %a <out> : (!transform.any_op) -> !transform.any_op
}
