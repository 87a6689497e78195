func.func @f(%arg0 : tensor<2xf32>, %arg1 : f64) -> tensor<2xf32> {
  %0 = linalg.fill ins(%arg1 : f64) outs(%arg0 : tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
