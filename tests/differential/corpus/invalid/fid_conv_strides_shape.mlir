// strides of a 1-D convolution hold one value per spatial dimension.
func.func @p(%a: tensor<1x8x3xf32>, %w: tensor<3x3x2xf32>, %o: tensor<1x6x2xf32>) -> tensor<1x6x2xf32> {
  %0 = linalg.conv_1d_nwc_wcf {strides = dense<1> : tensor<2xi64>} ins(%a, %w : tensor<1x8x3xf32>, tensor<3x3x2xf32>) outs(%o : tensor<1x6x2xf32>) -> tensor<1x6x2xf32>
  return %0 : tensor<1x6x2xf32>
}
