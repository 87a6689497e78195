// 84 bits do not fit an f80.
func.func @too_wide() -> f80 {
  %x = arith.constant 0xF7FFF8000000000000000 : f80
  return %x : f80
}
