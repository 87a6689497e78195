func.func @expand(%s: memref<2xf32>) {
  %0 = memref.expand_shape %s [[0, 1, 2]] output_shape [1, 2] : memref<2xf32> into memref<1x1x2xf32>
  return
}
