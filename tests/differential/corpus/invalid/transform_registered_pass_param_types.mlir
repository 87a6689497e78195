// An option given by a parameter adds an operand, and its type to the functional type.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %n = transform.param.constant 2 : i64 -> !transform.param<i64>
  %0 = transform.apply_registered_pass "canonicalize" with options = {"max-iterations" = %n}
      to %root : (!transform.any_op, !transform.param<i64>) -> !transform.any_op
  %1 = transform.apply_registered_pass "canonicalize" with options = {"max-iterations" = %n}
      to %0 : (!transform.any_op) -> !transform.any_op
}
