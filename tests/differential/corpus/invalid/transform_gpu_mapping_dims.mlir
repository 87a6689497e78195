// Block dimensions are a list of integers.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%f: !transform.any_op {transform.readonly}) {
    %a = transform.gpu.map_nested_forall_to_threads %f block_dims = [32, 1, 1]
        : (!transform.any_op) -> !transform.any_op
    %b = transform.gpu.map_nested_forall_to_threads %a block_dims = 32
        : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
