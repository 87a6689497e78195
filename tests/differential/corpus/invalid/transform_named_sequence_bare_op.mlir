// transform.named_sequence sets no default dialect: its ops keep the `transform.` prefix.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %parent = get_parent_op %mm : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
