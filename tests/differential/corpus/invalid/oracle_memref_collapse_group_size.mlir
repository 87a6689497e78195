// 3 * 5 is 15, not 16.
func.func @flatten(%m: memref<3x5x2xi16>) -> memref<16x2xi16> {
  %f = memref.collapse_shape %m [[0, 1], [2]] : memref<3x5x2xi16> into memref<16x2xi16>
  return %f : memref<16x2xi16>
}
