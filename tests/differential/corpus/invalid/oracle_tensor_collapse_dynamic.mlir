func.func @collapse(%arg0: tensor<?x4xf32>) -> tensor<8xf32> {
  %0 = tensor.collapse_shape %arg0 [[0, 1]] : tensor<?x4xf32> into tensor<8xf32>
  return %0 : tensor<8xf32>
}
