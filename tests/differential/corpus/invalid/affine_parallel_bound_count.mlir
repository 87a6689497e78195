func.func @bad(%m: memref<16xf32>) {
  affine.parallel (%i, %j) = (0) to (16, 16) {
  }
  return
}
