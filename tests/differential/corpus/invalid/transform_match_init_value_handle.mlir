// A handle to inits listed by position takes one position (all or except(...) may
// take several).
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %m = transform.match.structured %root : (!transform.any_op) -> !transform.any_op {
  ^bb0(%s: !transform.any_op):
    %one = transform.match.structured.init %s[0] : (!transform.any_op) -> !transform.any_value
    %two = transform.match.structured.init %s[0, 1] : (!transform.any_op) -> !transform.any_value
    transform.match.structured.yield %s : !transform.any_op
  }
}
