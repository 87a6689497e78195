func.func @pool(%input: memref<1x16x16x8xf32>, %window: memref<3x3xf32>, %out: memref<1x7x7x8xf32>) {
  linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<3xi64>}
    ins(%input, %window : memref<1x16x16x8xf32>, memref<3x3xf32>)
    outs(%out : memref<1x7x7x8xf32>)
  return
}
