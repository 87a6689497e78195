// Every alternative yields values of the op's result types.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %bad = transform.alternatives %root : !transform.any_op -> !transform.any_op {
  ^bb0(%x: !transform.any_op):
    transform.yield %x : !transform.any_op
  }, {
  ^bb0(%x: !transform.any_op):
    %p = transform.param.constant 1 : i64 -> !transform.param<i64>
    transform.yield %p : !transform.param<i64>
  }
}
