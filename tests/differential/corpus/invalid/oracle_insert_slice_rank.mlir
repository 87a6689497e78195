func.func @insert(%small: tensor<?x?xf32>, %big: tensor<?xf32>) -> tensor<?xf32> {
  %0 = tensor.insert_slice %small into %big[0] [4] [1] : tensor<?x?xf32> into tensor<?xf32>
  return %0 : tensor<?xf32>
}
