func.func @scalar_buffer(%buffer: memref<f32>) -> f32 {
  %c0 = arith.constant 0 : index
  %v = memref.load %buffer[%c0] : memref<f32>
  return %v : f32
}
