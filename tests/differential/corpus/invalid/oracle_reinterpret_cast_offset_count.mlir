func.func @two_offsets(%in: memref<?xf32>) {
  %0 = memref.reinterpret_cast %in to offset: [0, 0], sizes: [10, 10], strides: [10, 1]
      : memref<?xf32> to memref<10x10xf32, strided<[10, 1]>>
  return
}
