// A 14-row input holds (14 - 2) / 4 = 3 tiles of F(4, 3), not 2.
func.func @tiles(%image: tensor<1x14x14x2xf32>, %ok: tensor<6x6x3x3x1x2xf32>,
                 %bad: tensor<6x6x2x3x1x2xf32>) -> tensor<6x6x2x3x1x2xf32> {
  %0 = linalg.winograd_input_transform fmr(F_4_3) ins(%image : tensor<1x14x14x2xf32>)
      outs(%ok : tensor<6x6x3x3x1x2xf32>) -> tensor<6x6x3x3x1x2xf32>
  %1 = linalg.winograd_input_transform fmr(F_4_3) ins(%image : tensor<1x14x14x2xf32>)
      outs(%bad : tensor<6x6x2x3x1x2xf32>) -> tensor<6x6x2x3x1x2xf32>
  return %1 : tensor<6x6x2x3x1x2xf32>
}
