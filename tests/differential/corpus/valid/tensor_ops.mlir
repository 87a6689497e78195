func.func @tensors(%t: tensor<4xf32>, %i: index, %v: f32) -> tensor<4xf32> {
  %x = tensor.extract %t[%i] : tensor<4xf32>
  %s = arith.addf %x, %v : f32
  %r = tensor.insert %s into %t[%i] : tensor<4xf32>
  return %r : tensor<4xf32>
}
