func.func @slice(%t: tensor<16xf32>) -> tensor<4xi8> {
  %ok = tensor.extract_slice %t[0] [4] [1] : tensor<16xf32> to tensor<4xf32>
  %0 = tensor.extract_slice %t[0] [4] [1] : tensor<16xf32> to tensor<4xi8>
  return %0 : tensor<4xi8>
}
