func.func @m(%a: tensor<4xf32>, %b: tensor<4xf32>, %o: tensor<4xf32>, %buf: memref<2x3xf32, strided<[?, ?], offset: ?>>, %m: memref<16x16xf32>, %n: index) -> tensor<4xf32> {
  %0 = linalg.map { arith.addf } ins(%a, %b : tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>)
  %1 = linalg.map ins(%a, %0 : tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>)
    (%x: f32, %y: f32, %init: f32) {
      %s = arith.mulf %y, %x : f32
      linalg.yield %s : f32
    }
  %t = bufferization.to_tensor %buf : memref<2x3xf32, strided<[?, ?], offset: ?>> to tensor<2x3xf32>
  affine.parallel (%i, %j) = (0, 0) to (16, symbol(%n)) {
    %v = affine.load %m[%i, %j] : memref<16x16xf32>
    affine.store %v, %m[%j, %i] : memref<16x16xf32>
  }
  return %1 : tensor<4xf32>
}
