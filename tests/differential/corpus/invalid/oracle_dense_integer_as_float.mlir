func.func @weights() -> tensor<3xf32> {
  %w = arith.constant dense<[1.0, 2.5, 3]> : tensor<3xf32>
  return %w : tensor<3xf32>
}
