// scf.for's iter_args result types: one type without parentheses, or a list in them
func.func @loops(%lb : index, %ub : index, %step : index, %a: i32, %b: f32) -> (i32, f32, i32) {
  %pair:2 = scf.for %i = %lb to %ub step %step iter_args(%x = %a, %y = %b) -> (i32, f32) {
    scf.yield %x, %y : i32, f32
  }
  %one = scf.for %i = %lb to %ub step %step iter_args(%acc = %a) -> i32 {
    %next = arith.addi %acc, %acc : i32
    scf.yield %next : i32
  }
  return %pair#0, %pair#1, %one : i32, f32, i32
}
