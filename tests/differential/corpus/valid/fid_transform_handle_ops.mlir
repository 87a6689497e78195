// Transform handle ops: consumers/producers by position, select, cast, merge_handles,
// match.operation_empty and include of a named sequence.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @inner(%h: !transform.any_op {transform.readonly}) -> !transform.any_op {
    transform.yield %h : !transform.any_op
  }
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %ops = transform.structured.match ops{["linalg.matmul", "linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %c = transform.get_consumers_of_result %ops[0] : (!transform.any_op) -> !transform.any_op
    %p = transform.get_producer_of_operand %ops[1] : (!transform.any_op) -> !transform.any_op
    %s = transform.select "linalg.matmul" in %ops : (!transform.any_op) -> !transform.any_op
    %cast = transform.cast %s : !transform.any_op to !transform.op<"linalg.matmul">
    %m = transform.merge_handles deduplicate %c, %p : !transform.any_op
    transform.match.operation_empty %m : !transform.any_op
    %r = transform.include @inner failures(propagate) (%m) : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
