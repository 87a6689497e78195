// MLIR 22's linalg.pack and linalg.unpack take ranked tensors: a buffer is rejected
// where its type is written.
func.func @tiles(%t: tensor<16x8xf32>, %packed: tensor<2x1x8x8xf32>, %m: memref<16x8xf32>,
                 %mp: memref<2x1x8x8xf32>) -> tensor<2x1x8x8xf32> {
  %p = linalg.pack %t inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %packed
      : tensor<16x8xf32> -> tensor<2x1x8x8xf32>
  linalg.pack %m inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %mp
      : memref<16x8xf32> -> memref<2x1x8x8xf32>
  return %p : tensor<2x1x8x8xf32>
}
