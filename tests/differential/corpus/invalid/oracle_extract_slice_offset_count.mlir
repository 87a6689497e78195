func.func @slice(%t: tensor<?x?x?xf32>, %a: index, %b: index) -> tensor<?x?x?xf32> {
  %0 = tensor.extract_slice %t[0, 0] [%a, %b] [1, 1] : tensor<?x?x?xf32> to tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}
