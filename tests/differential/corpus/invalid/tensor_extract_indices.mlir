func.func @f(%t: tensor<2x2xf32>, %i: index) -> f32 {
  %x = tensor.extract %t[%i] : tensor<2x2xf32>
  return %x : f32
}
