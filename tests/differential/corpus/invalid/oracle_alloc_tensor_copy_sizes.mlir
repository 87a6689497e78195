func.func @f(%t: tensor<?xf32>, %sz: index) {
  %0 = bufferization.alloc_tensor(%sz) copy(%t) : tensor<?xf32>
  return
}

