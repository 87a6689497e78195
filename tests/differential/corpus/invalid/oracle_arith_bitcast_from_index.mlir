// arith.bitcast reinterprets bits of a fixed width; index has none.
func.func @as_bits(%i: index) -> i64 {
  %c1 = arith.constant 1 : index
  %n = arith.addi %i, %c1 : index
  %b = arith.bitcast %n : index to i64
  return %b : i64
}
