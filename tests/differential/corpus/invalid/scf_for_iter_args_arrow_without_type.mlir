func.func @loops(%lb : index, %ub : index, %step : index, %a: i32) -> i32 {
  %one = scf.for %i = %lb to %ub step %step iter_args(%acc = %a) -> {
    scf.yield %acc : i32
  }
  return %one : i32
}
