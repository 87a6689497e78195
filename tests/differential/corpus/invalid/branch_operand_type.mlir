func.func @f(%a: i32, %c: i1) -> i64 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb1(%x: i64):
  return %x : i64
^bb2:
  %z = arith.constant 0 : i64
  return %z : i64
}
