func.func @fwd(%c: i1) -> i32 {
  cf.br ^bb2
^bb1:
  return %v : i32
^bb2:
  %v = arith.constant 7 : i32
  cf.br ^bb1
}
