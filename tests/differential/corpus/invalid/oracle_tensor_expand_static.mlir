func.func @expand(%arg0: tensor<12xf32>) -> tensor<3x5xf32> {
  %0 = tensor.expand_shape %arg0 [[0, 1]] output_shape [3, 5] : tensor<12xf32> into tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
