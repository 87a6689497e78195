// Inside transform.sequence (and the sequences nested in it, not a foreach) ops may
// leave out `transform.`, as mlir-opt prints them.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %mm = transform.structured.match ops{["linalg.matmul"]} in %root
      : (!transform.any_op) -> !transform.any_op
  %parent = get_parent_op %mm : (!transform.any_op) -> !transform.any_op
  %inner = sequence %parent : !transform.any_op -> !transform.any_op failures(propagate) {
  ^bb1(%h: !transform.any_op):
    foreach %h : !transform.any_op {
    ^bb2(%one: !transform.any_op):
      transform.print %one {name = "each"} : !transform.any_op
    }
    yield %h : !transform.any_op
  }
}
