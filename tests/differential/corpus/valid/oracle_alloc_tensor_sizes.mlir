
func.func @ok(%t: tensor<?xf32>, %sz: index) {
  %0 = bufferization.alloc_tensor(%sz) : tensor<?x4xf32>
  %1 = bufferization.alloc_tensor() copy(%t) : tensor<?xf32>
  %2 = bufferization.alloc_tensor() : tensor<4xf32>
  return
}
