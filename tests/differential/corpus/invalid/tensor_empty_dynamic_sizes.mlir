func.func @f(%n: index) {
  %0 = tensor.empty(%n) : tensor<4x4xf32>
  return
}
