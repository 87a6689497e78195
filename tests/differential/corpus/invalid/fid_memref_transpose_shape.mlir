// The transposed view's sizes follow the permutation.
func.func @t(%m: memref<2x3xf32>) {
  %0 = memref.transpose %m (i, j) -> (j, i) : memref<2x3xf32> to memref<2x3xf32, strided<[1, 2]>>
  return
}
