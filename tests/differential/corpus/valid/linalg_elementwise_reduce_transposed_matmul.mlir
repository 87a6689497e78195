func.func @layers(%x: tensor<4x8xf32>, %w: tensor<16x8xf32>, %acc: tensor<4x16xf32>, %scratch: tensor<4x8xf32>, %row: tensor<4xf32>, %q: tensor<2x4x8xf32>, %k: tensor<2x8x16xf32>) -> tensor<4x16xf32> {
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%x, %w : tensor<4x8xf32>, tensor<16x8xf32>) outs(%acc : tensor<4x16xf32>) -> tensor<4x16xf32>
  %neg = linalg.negf ins(%x : tensor<4x8xf32>) outs(%scratch : tensor<4x8xf32>) -> tensor<4x8xf32>
  %ratio = linalg.div ins(%x, %neg : tensor<4x8xf32>, tensor<4x8xf32>) outs(%scratch : tensor<4x8xf32>) -> tensor<4x8xf32>
  %mag = linalg.abs ins(%ratio : tensor<4x8xf32>) outs(%scratch : tensor<4x8xf32>) -> tensor<4x8xf32>
  %sum = linalg.reduce { arith.addf } ins(%mag : tensor<4x8xf32>) outs(%row : tensor<4xf32>) dimensions = [1]
  %probs = linalg.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%scratch : tensor<4x8xf32>) -> tensor<4x8xf32>
  %pooled = linalg.batch_reduce_matmul ins(%q, %k : tensor<2x4x8xf32>, tensor<2x8x16xf32>) outs(%y : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %pooled : tensor<4x16xf32>
}
