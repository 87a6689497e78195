func.func @consts() -> (index, i1, f64) {
  %0 = arith.constant 42 : index
  %1 = arith.constant true
  %2 = arith.constant 2.5 : f64
  return %0, %1, %2 : index, i1, f64
}
