func.func @size(%m: memref<f32>) -> index {
  %c0 = arith.constant 0 : index
  %d = memref.dim %m, %c0 : memref<f32>
  return %d : index
}
