// Named linalg ops generated from MLIR 22's records (linalg_generated.py): convolution,
// depthwise and pooling variants with and without strides/dilations, packed and batched
// contractions, complex elements, and linalg.generic with a trait alias and two results.
#pointwise = {
  indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>],
  iterator_types = ["parallel"]
}

func.func @conv_1d(%in: tensor<1x10x3xf32>, %w: tensor<3x3x8xf32>, %o: tensor<1x8x8xf32>) -> tensor<1x8x8xf32> {
  %0 = linalg.conv_1d_nwc_wcf ins(%in, %w : tensor<1x10x3xf32>, tensor<3x3x8xf32>) outs(%o : tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  return %0 : tensor<1x8x8xf32>
}

func.func @conv_2d_strided(%in: memref<1x3x9x9xi8>, %w: memref<4x3x3x3xi8>, %o: memref<1x4x4x4xi32>) {
  linalg.conv_2d_nchw_fchw {strides = dense<2> : tensor<2xi64>} ins(%in, %w : memref<1x3x9x9xi8>, memref<4x3x3x3xi8>) outs(%o : memref<1x4x4x4xi32>)
  return
}

func.func @depthwise_dilated(%in: tensor<1x12x5xf32>, %w: tensor<3x5x2xf32>, %o: tensor<1x8x5x2xf32>) -> tensor<1x8x5x2xf32> {
  %0 = linalg.depthwise_conv_1d_nwc_wcm {dilations = dense<2> : tensor<1xi64>} ins(%in, %w : tensor<1x12x5xf32>, tensor<3x5x2xf32>) outs(%o : tensor<1x8x5x2xf32>) -> tensor<1x8x5x2xf32>
  return %0 : tensor<1x8x5x2xf32>
}

func.func @pool_unsigned(%in: tensor<1x4x4x2xi32>, %win: tensor<2x2xi32>, %o: tensor<1x3x3x2xi32>) -> tensor<1x3x3x2xi32> {
  %0 = linalg.pooling_nhwc_max_unsigned ins(%in, %win : tensor<1x4x4x2xi32>, tensor<2x2xi32>) outs(%o : tensor<1x3x3x2xi32>) -> tensor<1x3x3x2xi32>
  return %0 : tensor<1x3x3x2xi32>
}

func.func @pool_3d(%in: memref<1x4x4x4x2xf32>, %win: memref<2x2x2xf32>, %o: memref<1x3x3x3x2xf32>) {
  linalg.pooling_ndhwc_sum ins(%in, %win : memref<1x4x4x4x2xf32>, memref<2x2x2xf32>) outs(%o : memref<1x3x3x3x2xf32>)
  return
}

func.func @packed(%a: memref<2x3x4x5xf32>, %b: memref<6x3x7x5xf32>, %c: memref<2x6x4x7xf32>) {
  linalg.mmt4d ins(%a, %b : memref<2x3x4x5xf32>, memref<6x3x7x5xf32>) outs(%c : memref<2x6x4x7xf32>)
  return
}

func.func @batch_vecmat(%a: tensor<2x3xf32>, %b: tensor<2x3x4xf32>, %c: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = linalg.batch_vecmat ins(%a, %b : tensor<2x3xf32>, tensor<2x3x4xf32>) outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

func.func @quantized(%a: tensor<2x3xi8>, %b: tensor<3x4xi8>, %za: i32, %zb: i32, %c: tensor<2x4xi32>) -> tensor<2x4xi32> {
  %0 = linalg.quantized_matmul ins(%a, %b, %za, %zb : tensor<2x3xi8>, tensor<3x4xi8>, i32, i32) outs(%c : tensor<2x4xi32>) -> tensor<2x4xi32>
  return %0 : tensor<2x4xi32>
}

func.func @complex_matmul(%a: tensor<2x3xcomplex<f32>>, %b: tensor<3x4xcomplex<f32>>, %c: tensor<2x4xcomplex<f32>>) -> tensor<2x4xcomplex<f32>> {
  %0 = linalg.matmul ins(%a, %b : tensor<2x3xcomplex<f32>>, tensor<3x4xcomplex<f32>>) outs(%c : tensor<2x4xcomplex<f32>>) -> tensor<2x4xcomplex<f32>>
  return %0 : tensor<2x4xcomplex<f32>>
}

func.func @complex_matvec(%a: memref<2x3xcomplex<f32>>, %b: memref<3xcomplex<f32>>, %c: memref<2xcomplex<f32>>) {
  linalg.matvec ins(%a, %b : memref<2x3xcomplex<f32>>, memref<3xcomplex<f32>>) outs(%c : memref<2xcomplex<f32>>)
  return
}

func.func @generic_trait(%a: tensor<4xf32>, %o: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.generic #pointwise ins(%a : tensor<4xf32>) outs(%o : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    %n = arith.negf %x : f32
    linalg.yield %n : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

func.func @generic_two_results(%a: tensor<i32>, %o: tensor<i32>) -> (tensor<i32>, tensor<i32>) {
  %0:2 = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []} ins(%a : tensor<i32>) outs(%o, %o : tensor<i32>, tensor<i32>) {
  ^bb0(%x: i32, %y: i32, %z: i32):
    linalg.yield %x, %z : i32, i32
  } -> (tensor<i32>, tensor<i32>)
  return %0#0, %0#1 : tensor<i32>, tensor<i32>
}
