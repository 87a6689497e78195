func.func @f(%m: memref<4xf32>) -> f32 {
  %init = arith.constant 0.0 : f32
  %r = affine.for %i = 0 to 4 iter_args(%acc = %init) -> (f32) {
    %c = arith.constant 1 : i32
    affine.yield %c : i32
  }
  return %r : f32
}
