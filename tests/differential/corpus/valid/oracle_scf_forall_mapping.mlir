// A two-dimensional forall mapped to GPU blocks, and an execute_region without
// arguments yielding a value.
func.func @grid(%m: memref<16x16xf32>, %c: f32) -> f32 {
  scf.forall (%i, %j) in (16, 16) {
    %v = memref.load %m[%i, %j] : memref<16x16xf32>
    %s = arith.mulf %v, %c : f32
    memref.store %s, %m[%i, %j] : memref<16x16xf32>
  } {mapping = [#gpu.block<y>, #gpu.block<x>]}
  %r = scf.execute_region -> f32 {
    %two = arith.constant 2.0 : f32
    %p = arith.mulf %c, %two : f32
    scf.yield %p : f32
  }
  return %r : f32
}
