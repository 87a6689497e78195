func.func @bytes() -> (i8, i8) {
  %max = arith.constant 255 : i8
  %big = arith.constant 256 : i8
  return %max, %big : i8, i8
}
