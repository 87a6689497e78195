// The static output_shape must agree with the result type.
func.func @split(%m: memref<24xf32>) -> memref<4x6xf32> {
  %e = memref.expand_shape %m [[0, 1]] output_shape [4, 5] : memref<24xf32> into memref<4x6xf32>
  return %e : memref<4x6xf32>
}
