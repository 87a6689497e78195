// Casts may erase static strides and offsets into dynamic ones, and back.
func.func @erase(%m: memref<4x16xf32>, %s: memref<4x16xf32, strided<[32, 1], offset: 8>>)
    -> (memref<4x16xf32, strided<[?, ?], offset: ?>>, memref<4x16xf32, strided<[16, 1]>>,
        memref<?x16xf32, strided<[32, 1], offset: ?>>) {
  %0 = memref.cast %s : memref<4x16xf32, strided<[32, 1], offset: 8>>
      to memref<4x16xf32, strided<[?, ?], offset: ?>>
  %1 = memref.cast %m : memref<4x16xf32> to memref<4x16xf32, strided<[16, 1]>>
  %2 = memref.cast %s : memref<4x16xf32, strided<[32, 1], offset: 8>>
      to memref<?x16xf32, strided<[32, 1], offset: ?>>
  return %0, %1, %2 : memref<4x16xf32, strided<[?, ?], offset: ?>>,
      memref<4x16xf32, strided<[16, 1]>>, memref<?x16xf32, strided<[32, 1], offset: ?>>
}
