func.func @expand(%s: memref<f32>) {
  %ok = memref.expand_shape %s [] output_shape [1, 1] : memref<f32> into memref<1x1xf32>
  %bad = memref.expand_shape %s [] output_shape [1, 2] : memref<f32> into memref<1x2xf32>
  return
}
