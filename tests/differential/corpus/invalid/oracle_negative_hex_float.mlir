func.func @nan_bits() -> (f32, f32) {
  %nan = arith.constant 0x7FC00000 : f32
  %neg = arith.constant -0x7FC00000 : f32
  return %nan, %neg : f32, f32
}
