func.func @fill(%out: memref<4xf32>, %x: f32) {
  linalg.fill ins(%x : f32) outs(%out : memref<4xf32>)
  return
}
