// memref.generic_atomic_rmw with its atomic_yield, memref.realloc, vector.scalable.extract/insert,
// vector.scan and complex.powi.
func.func @m(%m: memref<10xf32>, %i: index, %d: memref<?xf32>, %n: index) -> f32 {
  %v = memref.generic_atomic_rmw %m[%i] : memref<10xf32> {
  ^bb0(%current: f32):
    %c1 = arith.constant 1.0 : f32
    %inc = arith.addf %c1, %current : f32
    memref.atomic_yield %inc : f32
  }
  %r = memref.realloc %d(%n) : memref<?xf32> to memref<?xf32>
  %r2 = memref.realloc %m {alignment = 16 : i64} : memref<10xf32> to memref<20xf32>
  return %v : f32
}
func.func @v(%v: vector<[8]xf32>, %s: vector<4x8xf32>, %init: vector<8xf32>) -> vector<[8]xf32> {
  %e = vector.scalable.extract %v[4] : vector<[4]xf32> from vector<[8]xf32>
  %w = vector.scalable.insert %e, %v[0] : vector<[4]xf32> into vector<[8]xf32>
  %d, %acc = vector.scan <add>, %s, %init {inclusive = true, reduction_dim = 0 : i64} : vector<4x8xf32>, vector<8xf32>
  return %w : vector<[8]xf32>
}
func.func @c(%z: complex<f32>, %n: i32) -> complex<f32> {
  %p = complex.powi %z, %n : complex<f32>, i32
  %q = complex.powi %z, %n fastmath<nnan> : complex<f32>, i32
  return %p : complex<f32>
}
