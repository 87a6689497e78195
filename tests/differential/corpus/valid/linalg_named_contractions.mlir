func.func @named(%a: tensor<2x4x8xf32>, %b: tensor<2x8x16xf32>, %c: tensor<2x4x16xf32>, %m: memref<4x8xf32>, %v: memref<8xf32>, %o: memref<4xf32>, %w: memref<4xf32>, %s: memref<f32>) -> tensor<2x4x16xf32> {
  %0 = linalg.batch_matmul ins(%a, %b : tensor<2x4x8xf32>, tensor<2x8x16xf32>) outs(%c : tensor<2x4x16xf32>) -> tensor<2x4x16xf32>
  linalg.matvec ins(%m, %v : memref<4x8xf32>, memref<8xf32>) outs(%o : memref<4xf32>)
  linalg.vecmat ins(%o, %m : memref<4xf32>, memref<4x8xf32>) outs(%v : memref<8xf32>)
  linalg.dot ins(%o, %w : memref<4xf32>, memref<4xf32>) outs(%s : memref<f32>)
  return %0 : tensor<2x4x16xf32>
}
