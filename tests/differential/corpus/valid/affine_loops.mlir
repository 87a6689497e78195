func.func @scale(%m: memref<16xf32>, %k: f32) {
  affine.for %i = 0 to 16 {
    %v = affine.load %m[%i] : memref<16xf32>
    %s = arith.mulf %v, %k : f32
    affine.store %s, %m[%i] : memref<16xf32>
  }
  return
}
