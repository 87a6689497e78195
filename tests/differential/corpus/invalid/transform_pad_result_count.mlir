// structured.pad returns the padded op, the pad and the copy back.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %p, %pad = transform.structured.pad %root {padding_dimensions = [0]}
      : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
}
