// One-shot bufferization of the payload from a transform script, with a layout for
// function boundaries and options.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    %b = transform.bufferization.one_shot_bufferize layout{IdentityLayoutMap} %root
        {bufferize_function_boundaries = true, allow_return_allocs_from_loops = true}
        : (!transform.any_op) -> !transform.any_op
    %c = transform.bufferization.one_shot_bufferize %b {memcpy_op = "linalg.copy"}
        : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
