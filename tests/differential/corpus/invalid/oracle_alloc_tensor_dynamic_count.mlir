
func.func @g(%t: tensor<?xf32>, %sz: index) {
  %0 = bufferization.alloc_tensor() : tensor<?x4xf32>
  return
}

