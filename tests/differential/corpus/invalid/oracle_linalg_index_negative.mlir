func.func @index_dim_negative(%arg0: memref<f32>) {
  linalg.generic {
      indexing_maps =  [ affine_map<() -> ()> ],
      iterator_types = []}
      outs(%arg0 : memref<f32>) {
    ^bb(%0: f32):
      %i = linalg.index -1 : index
      linalg.yield %0 : f32
  }
  return
}
