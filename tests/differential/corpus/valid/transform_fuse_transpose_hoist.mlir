// Tile-and-fuse with static and parameter sizes, a transposed matmul, a hoisted pad, and
// a reduction tiled over threads.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %mm = transform.structured.match ops{["linalg.matmul"]} in %root
      : (!transform.any_op) -> !transform.any_op
  %n = transform.param.constant 32 : i64 -> !transform.param<i64>
  %fused, %loops:2 = transform.structured.fuse %mm tile_sizes [16, %n] interchange [1, 0]
      : (!transform.any_op, !transform.param<i64>)
      -> (!transform.any_op, !transform.any_op, !transform.any_op)
  %again, %l:3 = transform.structured.fuse %fused tile_sizes [4, 8, 2] {apply_cleanup}
      : (!transform.any_op)
      -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
  %t = transform.structured.transpose_matmul %again <rhs>
      : (!transform.any_op) -> !transform.any_op
  %u = transform.structured.transpose_matmul %t : (!transform.any_op) -> !transform.any_op
  %h = transform.structured.hoist_pad %u by 2 loops, transpose by [1, 0]
      : (!transform.any_op) -> !transform.any_op
  %red = transform.structured.match ops{["linalg.generic"]} in %root
      : (!transform.any_op) -> !transform.any_op
  %fill, %split, %comb, %forall = transform.structured.tile_reduction_using_forall %red
      by num_threads = [0, 5] tile_sizes = [0, 3] mapping = [#gpu.thread<x>]
      : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op,
                                !transform.any_op)
}
