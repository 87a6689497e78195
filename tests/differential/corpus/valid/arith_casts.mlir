func.func @casts(%i: i32, %x: index) -> i64 {
  %0 = arith.extsi %i : i32 to i64
  %1 = arith.index_cast %x : index to i64
  %2 = arith.addi %0, %1 : i64
  %3 = arith.sitofp %i : i32 to f32
  %4 = arith.fptosi %3 : f32 to i64
  %5 = arith.addi %2, %4 : i64
  return %5 : i64
}
