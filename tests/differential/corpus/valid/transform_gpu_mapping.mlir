// Mapping scf.forall loops to GPU blocks and threads from a transform script.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %f = transform.structured.match ops{["func.func"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %launch = transform.gpu.map_forall_to_blocks %f generate_gpu_launch grid_dims = [4, 2, 1]
        : (!transform.any_op) -> !transform.any_op
    %mapped = transform.gpu.map_nested_forall_to_threads %launch block_dims = [32, 4, 1]
        warp_size = 64 : (!transform.any_op) -> !transform.any_op
    %again = transform.gpu.map_nested_forall_to_threads %mapped block_dims = [32, 1, 1]
        sync_after_distribute = false : (!transform.any_op) -> !transform.any_op
    %plain = transform.gpu.map_forall_to_blocks %again : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
