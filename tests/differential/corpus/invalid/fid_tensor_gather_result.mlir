// A gather's result is the index batch shape followed by the source shape with the
// gathered dims kept as 1 or dropped.
func.func @g(%t: tensor<4x5x6xf32>, %i: tensor<1x2x2xindex>) -> tensor<1x2x5x6xf32> {
  %0 = tensor.gather %t[%i] gather_dims([0, 2]) : (tensor<4x5x6xf32>, tensor<1x2x2xindex>) -> tensor<1x2x5x6xf32>
  return %0 : tensor<1x2x5x6xf32>
}
