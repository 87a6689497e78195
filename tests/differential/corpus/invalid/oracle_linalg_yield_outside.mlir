func.func @stray(%x: f32) {
  linalg.yield %x : f32
}
