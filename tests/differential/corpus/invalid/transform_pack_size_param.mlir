// Sizes of structured.pack come from op or value handles, not parameters.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %mm = transform.structured.match ops{["linalg.matmul"]} in %root
      : (!transform.any_op) -> !transform.any_op
  %n = transform.param.constant 8 : i64 -> !transform.param<i64>
  %ok = transform.structured.pack %mm packed_sizes = [2, 8, 4]
      : (!transform.any_op) -> !transform.op<"linalg.generic">
  %no = transform.structured.pack %ok packed_sizes = [2, %n, 4]
      : (!transform.op<"linalg.generic">, !transform.param<i64>) -> !transform.op<"linalg.generic">
}
