// Collapsing dims of a strided view is fine while each group is contiguous; unit
// dims and dynamic strides do not get in the way.
func.func @rows(%m: memref<4x8x16xf32, strided<[256, 16, 1], offset: 32>>,
                %u: memref<3x1x5xf32, strided<[99, 7, 1]>>,
                %d: memref<?x?x4xf32, strided<[?, ?, 1], offset: ?>>) {
  %a = memref.collapse_shape %m [[0], [1, 2]]
      : memref<4x8x16xf32, strided<[256, 16, 1], offset: 32>>
        into memref<4x128xf32, strided<[256, 1], offset: 32>>
  %b = memref.collapse_shape %u [[0], [1, 2]]
      : memref<3x1x5xf32, strided<[99, 7, 1]>> into memref<3x5xf32, strided<[99, 1]>>
  %c = memref.collapse_shape %d [[0, 1], [2]]
      : memref<?x?x4xf32, strided<[?, ?, 1], offset: ?>>
        into memref<?x4xf32, strided<[?, 1], offset: ?>>
  return
}
