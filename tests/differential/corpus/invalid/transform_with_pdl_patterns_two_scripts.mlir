// Next to its patterns, transform.with_pdl_patterns holds exactly one script.
transform.with_pdl_patterns {
^bb0(%root: !transform.any_op):
  pdl.pattern @is_func : benefit(1) {
    %op = pdl.operation "func.func"
    pdl.rewrite %op with "transform.dialect"
  }
  sequence %root : !transform.any_op failures(propagate) {
  ^bb1(%arg: !transform.any_op):
  }
}

transform.with_pdl_patterns {
^bb0(%root: !transform.any_op):
  sequence %root : !transform.any_op failures(propagate) {
  ^bb1(%arg: !transform.any_op):
  }
  sequence %root : !transform.any_op failures(suppress) {
  ^bb1(%arg: !transform.any_op):
  }
}
