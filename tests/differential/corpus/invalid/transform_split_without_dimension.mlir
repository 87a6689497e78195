// structured.split needs the dimension to split along.
transform.sequence failures(propagate) {
^bb0(%root: !transform.any_op):
  %a = transform.structured.split %root after 4 {dimension = 0} : !transform.any_op
  %b = transform.structured.split %a after 4 : !transform.any_op
}
