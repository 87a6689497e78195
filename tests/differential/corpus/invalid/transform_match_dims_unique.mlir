// The dimensions a structured matcher lists are distinct.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %m = transform.match.structured %root : (!transform.any_op) -> !transform.any_op {
  ^bb0(%s: !transform.any_op):
    transform.match.structured.dim %s[0, 1] {parallel} : !transform.any_op
    transform.match.structured.dim %s[1, 1] {parallel} : !transform.any_op
    transform.match.structured.yield %s : !transform.any_op
  }
}
