func.func @tile_index(%flat: index, %rows: index, %buf: memref<32x32xf32>) -> index {
  %r:2 = affine.delinearize_index %flat into (%rows, 32) : index, index
  %q:3 = affine.delinearize_index %flat into (4, 8) : index, index, index
  %back = affine.linearize_index disjoint [%r#0, %r#1] by (%rows, 32) : index
  affine.prefetch %buf[%flat + 1, %rows], read, locality<3>, data : memref<32x32xf32>
  return %back : index
}
func.func @symbol_operands(%m: memref<16xf32>, %n: index) -> f32 {
  %v = affine.load %m[symbol(%n) + 1] : memref<16xf32>
  affine.store %v, %m[symbol(%n)] : memref<16xf32>
  return %v : f32
}
