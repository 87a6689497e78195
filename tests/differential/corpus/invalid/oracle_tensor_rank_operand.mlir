func.func @rank(%t: tensor<4x?xf32>, %x: f32) {
  %r = tensor.rank %t : tensor<4x?xf32>
  %s = "tensor.rank"(%x) : (f32) -> index
  return
}
