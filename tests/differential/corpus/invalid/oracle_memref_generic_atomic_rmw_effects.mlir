// Allocating inside the atomic body is a side effect.
func.func @scratch(%m: memref<16xf32>, %i: index) -> f32 {
  %old = memref.generic_atomic_rmw %m[%i] : memref<16xf32> {
  ^bb0(%current: f32):
    %tmp = memref.alloc() : memref<4xf32>
    %one = arith.constant 1.0 : f32
    %next = arith.addf %current, %one : f32
    memref.atomic_yield %next : f32
  }
  return %old : f32
}
