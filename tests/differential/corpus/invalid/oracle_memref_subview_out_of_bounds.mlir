// Rows 4, 7, 10 and 13 of a 12-row buffer: the last one is past the end.
func.func @strided_rows(%m: memref<12x4xf32>) {
  %v = memref.subview %m[4, 0] [4, 4] [3, 1]
      : memref<12x4xf32> to memref<4x4xf32, strided<[12, 1], offset: 16>>
  return
}
