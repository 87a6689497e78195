// The function-boundary layout is one of MLIR's LayoutMapOption cases.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.consumed}) {
    %b = transform.bufferization.one_shot_bufferize layout{FullyDynamicLayoutMap} %root
        : (!transform.any_op) -> !transform.any_op
    %c = transform.bufferization.one_shot_bufferize layout{StaticLayoutMap} %b
        : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
