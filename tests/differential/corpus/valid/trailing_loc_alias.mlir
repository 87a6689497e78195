func.func @located(%x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32 loc(#loc1)
  return %0 : i32
}
#loc1 = loc("source.py":10:4)
