// F(4, 3) transforms 3-wide filters (or leaves a side of 1): a 5-wide filter is an error.
func.func @filters(%small: tensor<2x3x3x5xf32>, %wide: tensor<2x3x5x5xf32>,
                   %t: tensor<6x6x5x2xf32>) -> tensor<6x6x5x2xf32> {
  %0 = linalg.winograd_filter_transform fmr(F_4_3) ins(%small : tensor<2x3x3x5xf32>)
      outs(%t : tensor<6x6x5x2xf32>) -> tensor<6x6x5x2xf32>
  %1 = linalg.winograd_filter_transform fmr(F_4_3) ins(%wide : tensor<2x3x5x5xf32>)
      outs(%0 : tensor<6x6x5x2xf32>) -> tensor<6x6x5x2xf32>
  return %1 : tensor<6x6x5x2xf32>
}
