// The yielded value replaces an f32 element: it must be an f32.
func.func @wrong_width(%m: memref<16xf32>, %i: index) -> f32 {
  %old = memref.generic_atomic_rmw %m[%i] : memref<16xf32> {
  ^bb0(%current: f32):
    %wide = arith.extf %current : f32 to f64
    memref.atomic_yield %wide : f64
  }
  return %old : f32
}
