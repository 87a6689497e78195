func.func private @g() -> index
func.func @known(%c: i1, %i: i32) -> index {
  %f = "func.constant"() {value = @g} : () -> (() -> index)
  %0 = "func.call_indirect"(%f) : (() -> index) -> index
  %1 = "func.call"() {callee = @g} : () -> index
  "cf.assert"(%c) {msg = "x"} : (i1) -> ()
  "cf.br"()[^bb1] : () -> ()
^bb1:
  "cf.cond_br"(%c)[^bb2, ^bb3] {operandSegmentSizes = array<i32: 1, 0, 0>} : (i1) -> ()
^bb2:
  "cf.switch"(%i)[^bb3] {case_operand_segments = array<i32>, operandSegmentSizes = array<i32: 1, 0, 0>} : (i32) -> ()
^bb3:
  "func.return"(%0) : (index) -> ()
}
