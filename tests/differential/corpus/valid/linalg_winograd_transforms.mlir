// A 3x3 convolution as Winograd F(2, 3): filter and input tiles transformed, multiplied
// per tile, and the result transformed back; then a 1-D variant (height 1 untouched),
// with static and dynamic tile counts.
func.func @conv(%filter: tensor<8x3x3x4xf32>, %image: tensor<1x10x10x4xf32>,
                %ft: tensor<4x4x4x8xf32>, %it: tensor<4x4x4x4x1x4xf32>,
                %products: tensor<4x4x4x4x1x8xf32>, %out: tensor<1x8x8x8xf32>)
    -> (tensor<4x4x4x8xf32>, tensor<4x4x4x4x1x4xf32>, tensor<1x8x8x8xf32>) {
  %0 = linalg.winograd_filter_transform fmr(F_2_3) ins(%filter : tensor<8x3x3x4xf32>)
      outs(%ft : tensor<4x4x4x8xf32>) -> tensor<4x4x4x8xf32>
  %1 = linalg.winograd_input_transform {note = "tiles"} fmr(F_2_3)
      ins(%image : tensor<1x10x10x4xf32>) outs(%it : tensor<4x4x4x4x1x4xf32>)
      -> tensor<4x4x4x4x1x4xf32>
  %2 = linalg.winograd_output_transform fmr(F_2_3) ins(%products : tensor<4x4x4x4x1x8xf32>)
      outs(%out : tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  return %0, %1, %2 : tensor<4x4x4x8xf32>, tensor<4x4x4x4x1x4xf32>, tensor<1x8x8x8xf32>
}

func.func @rows(%filter: tensor<2x1x5x3xf16>, %ft: tensor<1x6x3x2xf16>,
                %image: tensor<?x1x?x3xf16>, %it: tensor<1x6x1x?x?x3xf16>,
                %v: tensor<1x8x1x?x2x2xf16>, %out: tensor<2x1x?x2xf16>)
    -> (tensor<1x6x3x2xf16>, tensor<1x6x1x?x?x3xf16>, tensor<2x1x?x2xf16>) {
  %0 = linalg.winograd_filter_transform fmr(F_2_5) ins(%filter : tensor<2x1x5x3xf16>)
      outs(%ft : tensor<1x6x3x2xf16>) -> tensor<1x6x3x2xf16>
  %1 = linalg.winograd_input_transform fmr(F_2_5) ins(%image : tensor<?x1x?x3xf16>)
      outs(%it : tensor<1x6x1x?x?x3xf16>) -> tensor<1x6x1x?x?x3xf16>
  %2 = linalg.winograd_output_transform fmr(F_4_3) ins(%v : tensor<1x8x1x?x2x2xf16>)
      outs(%out : tensor<2x1x?x2xf16>) -> tensor<2x1x?x2xf16>
  return %0, %1, %2 : tensor<1x6x3x2xf16>, tensor<1x6x1x?x?x3xf16>, tensor<2x1x?x2xf16>
}
