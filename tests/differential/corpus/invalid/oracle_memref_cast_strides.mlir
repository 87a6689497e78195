// Static strides that differ cannot be cast into each other.
func.func @transpose_by_cast(%m: memref<4x4xf32>) {
  %t = memref.cast %m : memref<4x4xf32> to memref<4x4xf32, strided<[1, 4]>>
  return
}
