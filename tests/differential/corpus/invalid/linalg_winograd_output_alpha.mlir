// The transformed tiles of F(2, 3) are 4 wide: F(4, 3) expects 6.
func.func @back(%v: tensor<4x4x2x2x1x3xf32>, %out: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %0 = linalg.winograd_output_transform fmr(F_2_3) ins(%v : tensor<4x4x2x2x1x3xf32>)
      outs(%out : tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  %1 = linalg.winograd_output_transform fmr(F_4_3) ins(%v : tensor<4x4x2x2x1x3xf32>)
      outs(%0 : tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %1 : tensor<1x4x4x3xf32>
}
