func.func @slice(%t: tensor<8x16x4xf32>, %n: index) -> tensor<4x4x4xf32> {
  %row = tensor.extract_slice %t[0, 2, 0] [4, 1, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<4x4xf32>
  %dyn = tensor.extract_slice %t[0, 0, 0] [%n, 4, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<?x4x4xf32>
  %0 = tensor.extract_slice %t[0, 0, 0] [%n, 4, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<4x4x4xf32>
  return %0 : tensor<4x4x4xf32>
}
