// A transform script with its own PDL pattern, debug remarks, and a registered pass
// whose options come partly from a transform parameter.
transform.with_pdl_patterns {
^bb0(%root: !transform.any_op):
  pdl.pattern @is_func : benefit(1) {
    %args = pdl.operands
    %types = pdl.types
    %op = pdl.operation "func.func"(%args : !pdl.range<value>) -> (%types : !pdl.range<type>)
    pdl.rewrite %op with "transform.dialect"
  }
  pdl.pattern @any_op : benefit(2) {
    %op = operation
    rewrite %op with "transform.dialect"
  }

  sequence %root : !transform.any_op failures(propagate) {
  ^bb1(%arg: !transform.any_op):
    %funcs = pdl_match @is_func in %arg : (!transform.any_op) -> !transform.any_op
    transform.debug.emit_remark_at %funcs, "a function" : !transform.any_op
    %limit = transform.param.constant 3 : i64 -> !transform.param<i64>
    transform.debug.emit_param_as_remark %limit, "limit" at %funcs
        : !transform.param<i64>, !transform.any_op
    transform.debug.emit_param_as_remark %limit : !transform.param<i64>
    %cleaned = transform.apply_registered_pass "canonicalize"
        with options = {"top-down" = false, "max-iterations" = %limit} to %funcs
        : (!transform.any_op, !transform.param<i64>) -> !transform.any_op
    %cse = apply_registered_pass "cse" to %cleaned : (!transform.any_op) -> !transform.any_op
  }
}
