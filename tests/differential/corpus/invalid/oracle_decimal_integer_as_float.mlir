func.func @scale(%x: f32) -> f32 {
  %half = arith.constant 0.5 : f32
  %two = arith.constant 2 : f32
  %0 = arith.mulf %x, %half : f32
  return %0 : f32
}
