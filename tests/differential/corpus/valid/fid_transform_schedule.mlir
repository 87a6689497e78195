// A transform schedule as MLIR's Integration tests write them: named sequences, matching,
// tiling, vectorisation, pattern application, hoisting, loop transforms, printing,
// foreach and collect_matching; and the older transform.sequence form.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%module: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %module : (!transform.any_op) -> !transform.any_op
    %func = transform.get_parent_op %mm {isolated_from_above} : (!transform.any_op) -> !transform.op<"func.func">
    %t, %l:2 = transform.structured.tile_using_for %mm tile_sizes [1, 1, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.structured.vectorize %t vector_sizes [4, [8], 2] : !transform.any_op
    transform.apply_patterns to %func {
      transform.apply_patterns.vector.reduction_to_contract
      transform.apply_patterns.canonicalization
    } : !transform.op<"func.func">
    %hoisted = transform.structured.hoist_redundant_vector_transfers %func : (!transform.op<"func.func">) -> !transform.op<"func.func">
    %all = transform.structured.match interface{LoopLikeInterface} in %hoisted : (!transform.op<"func.func">) -> !transform.any_op
    transform.apply_licm to %all : !transform.any_op
    transform.loop.hoist_loop_invariant_subsets %all : !transform.any_op
    %g = transform.structured.generalize %mm : (!transform.any_op) -> !transform.any_op
    transform.loop.unroll %all {factor = 4} : !transform.any_op
    %first, %rest = transform.split_handle %all : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %p = transform.param.constant 4 : i64 -> !transform.param<i64>
    transform.print %mm {name = "matmul"} : !transform.any_op
    transform.print
    transform.foreach %mm : !transform.any_op {
    ^bb0(%one: !transform.any_op):
      transform.print %one : !transform.any_op
    }
    %c = transform.collect_matching @match in %module : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
  transform.named_sequence @match(%entry: !transform.any_op {transform.readonly}) -> !transform.any_op {
    transform.match.operation_name %entry ["linalg.mmt4d"] : !transform.any_op
    transform.yield %entry : !transform.any_op
  }
  transform.sequence failures(propagate) {
  ^bb0(%arg0: !transform.any_op):
    %0 = transform.sequence %arg0 : !transform.any_op -> !transform.any_op failures(propagate) {
    ^bb1(%arg1: !transform.any_op):
      transform.yield %arg1 : !transform.any_op
    }
    transform.sequence %0 : !transform.any_op failures(suppress) {
    ^bb2(%arg2: !transform.any_op):
    }
  }
}
