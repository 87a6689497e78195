func.func @widen(%t: tensor<2xf32, "foo">) -> tensor<2xf64, "bar"> {
  %same = arith.extf %t : tensor<2xf32, "foo"> to tensor<2xf64, "foo">
  %0 = arith.extf %t : tensor<2xf32, "foo"> to tensor<2xf64, "bar">
  return %0 : tensor<2xf64, "bar">
}
