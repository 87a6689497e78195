func.func @empty() -> tensor<2x3xf32> {
  %e = tensor.empty() : tensor<2x3xf32>
  return %e : tensor<2x3xf32>
}
