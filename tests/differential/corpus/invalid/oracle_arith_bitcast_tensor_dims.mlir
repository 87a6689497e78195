// A cast keeps a tensor's dimensions: a static one cannot become dynamic.
func.func @reinterpret(%t: tensor<16xf32>) -> tensor<?xi32> {
  %r = arith.bitcast %t : tensor<16xf32> to tensor<?xi32>
  return %r : tensor<?xi32>
}
