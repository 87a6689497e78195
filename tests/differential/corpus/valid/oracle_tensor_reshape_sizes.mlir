func.func @reshape(%arg0: tensor<?x4x5xf32>, %arg1: tensor<12xf32>, %n: index) -> (tensor<?x5xf32>, tensor<3x4xf32>, tensor<?x20xf32>) {
  %0 = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<?x4x5xf32> into tensor<?x5xf32>
  %1 = tensor.expand_shape %arg1 [[0, 1]] output_shape [3, 4] : tensor<12xf32> into tensor<3x4xf32>
  %2 = tensor.collapse_shape %arg0 [[0], [1, 2]] : tensor<?x4x5xf32> into tensor<?x20xf32>
  %3 = tensor.expand_shape %2 [[0], [1, 2]] output_shape [%n, 4, 5] : tensor<?x20xf32> into tensor<?x4x5xf32>
  %4 = tensor.collapse_shape %3 [[0], [1, 2]] : tensor<?x4x5xf32> into tensor<?x20xf32>
  return %0, %1, %4 : tensor<?x5xf32>, tensor<3x4xf32>, tensor<?x20xf32>
}
