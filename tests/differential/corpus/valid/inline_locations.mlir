func.func @locs(%x: i32) -> i32 {
  %0 = arith.muli %x, %x : i32 loc("a.mlir":3:7)
  return %0 : i32 loc(unknown)
}
