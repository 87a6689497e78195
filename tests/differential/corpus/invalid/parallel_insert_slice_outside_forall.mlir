func.func @stray(%acc: tensor<16xf32>, %piece: tensor<4xf32>) {
  tensor.parallel_insert_slice %piece into %acc[0] [4] [1] : tensor<4xf32> into tensor<16xf32>
  return
}
