// A matcher of structured ops run over the payload with foreach_match, then padding,
// splitting and alternatives of a schedule.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @reductions(%op: !transform.any_op {transform.readonly})
      -> !transform.any_op {
    %found = transform.match.structured failures(suppress) %op
        : (!transform.any_op) -> !transform.any_op {
    ^bb0(%s: !transform.any_op):
      %rank = transform.match.structured.rank %s : (!transform.any_op) -> !transform.param<i64>
      transform.match.structured.dim %s[all] {parallel} : !transform.any_op
      transform.match.structured.dim %s[except(-1)] {parallel} : !transform.any_op
      %first = transform.match.structured.input %s[0] {permutation}
          : (!transform.any_op) -> !transform.any_op
      %init = transform.match.structured.init %s[0] : (!transform.any_op) -> !transform.any_value
      %inits = transform.match.structured.init %s[except(0)] : (!transform.any_op) -> !transform.any_op
      %user = transform.match.structured.result %s[0] any
          : (!transform.any_op) -> !transform.any_op
      transform.match.structured.yield %s : !transform.any_op
    }
    transform.yield %found : !transform.any_op
  }
  transform.named_sequence @annotate(%op: !transform.any_op {transform.readonly}) {
    transform.yield
  }

  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    %updated = transform.foreach_match restrict_root in %root
        @reductions -> @annotate : (!transform.any_op) -> !transform.any_op
    %mm = transform.structured.match ops{["linalg.matmul"]} in %updated
        : (!transform.any_op) -> !transform.any_op
    %swapped = transform.structured.interchange %mm iterator_interchange = [1, 0, 2]
        : (!transform.any_op) -> !transform.any_op
    %padded, %pad, %copy = transform.structured.pad %swapped {
        padding_values = [0.0 : f32, 0.0 : f32, 0.0 : f32], padding_dimensions = [0, 1, 2],
        nofold_flags = [1, 1, 0]}
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %size = transform.param.constant 16 : i64 -> !transform.param<i64>
    %p2, %pad2, %copy2 = transform.structured.pad %padded pad_to_multiple_of [%size, 8]
        use_prescribed_tensor_shapes {padding_dimensions = [0, 1]}
        : (!transform.any_op, !transform.param<i64>)
        -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %halves = transform.structured.split %p2 after 16 {dimension = 1} : !transform.any_op
    %parts = transform.structured.split %halves after %size {dimension = 0, multiway}
        : !transform.any_op, !transform.param<i64>
    %chosen = transform.alternatives %parts : !transform.any_op -> !transform.any_op {
    ^bb0(%x: !transform.any_op):
      %outer = transform.get_parent_op %x : (!transform.any_op) -> !transform.any_op
      transform.yield %outer : !transform.any_op
    }, {
    ^bb0(%x: !transform.any_op):
      transform.yield %x : !transform.any_op
    }
    transform.yield
  }
}
