// gpu.memset fills a buffer: its destination type is a memref.
func.func @fill(%buf: memref<8xf32>, %v: f32) {
  gpu.memset %buf, %v : memref<8xf32>, f32
  gpu.memset %v, %v : f32, f32
  return
}
