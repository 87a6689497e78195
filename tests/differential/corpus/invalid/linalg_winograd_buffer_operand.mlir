// The winograd transforms take tensors only.
func.func @buffers(%f: memref<2x3x3x5xf32>, %t: tensor<4x4x5x2xf32>) -> tensor<4x4x5x2xf32> {
  %0 = linalg.winograd_filter_transform fmr(F_2_3)
      ins(%f : memref<2x3x3x5xf32>) outs(%t : tensor<4x4x5x2xf32>) -> tensor<4x4x5x2xf32>
  return %0 : tensor<4x4x5x2xf32>
}
