func.func @cnn_layers(%in: tensor<1x6x6x3xf32>, %win: tensor<2x2xf32>, %o: tensor<1x5x5x3xf32>, %k: tensor<2x2x3xf32>, %nchw: tensor<1x3x6x6xf32>, %o2: tensor<1x3x3x3xf32>, %ii: tensor<1x6x6x3xi32>, %wi: tensor<2x2xi32>, %oi: tensor<1x5x5x3xi32>) -> tensor<1x5x5x3xf32> {
  %0 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %win : tensor<1x6x6x3xf32>, tensor<2x2xf32>) outs(%o : tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32>
  %1 = linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %win : tensor<1x6x6x3xf32>, tensor<2x2xf32>) outs(%0 : tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32>
  %2 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %k : tensor<1x6x6x3xf32>, tensor<2x2x3xf32>) outs(%1 : tensor<1x5x5x3xf32>) -> tensor<1x5x5x3xf32>
  %3 = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%nchw, %win : tensor<1x3x6x6xf32>, tensor<2x2xf32>) outs(%o2 : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  %4 = linalg.pooling_nhwc_min {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%ii, %wi : tensor<1x6x6x3xi32>, tensor<2x2xi32>) outs(%oi : tensor<1x5x5x3xi32>) -> tensor<1x5x5x3xi32>
  return %2 : tensor<1x5x5x3xf32>
}
