// maxs is an integer kind.
func.func @running_max(%m: memref<4xf32>, %v: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %old = memref.atomic_rmw maxs %v, %m[%c0] : (f32, memref<4xf32>) -> f32
  return %old : f32
}
