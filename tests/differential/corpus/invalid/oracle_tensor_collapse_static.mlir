func.func @collapse(%arg0: tensor<2x3x2x4x5xf32>) -> tensor<2x3x20xf32> {
  %0 = tensor.collapse_shape %arg0 [[0], [1], [2, 3, 4]] : tensor<2x3x2x4x5xf32> into tensor<2x3x20xf32>
  return %0 : tensor<2x3x20xf32>
}
