func.func @view(%in: memref<?xf32>) -> memref<10xf32, strided<[1], offset: 2>> {
  %ok = memref.reinterpret_cast %in to offset: [2], sizes: [10], strides: [1]
      : memref<?xf32> to memref<10xf32, strided<[1], offset: 2>>
  %bad = memref.reinterpret_cast %in to offset: [2], sizes: [10], strides: [1]
      : memref<?xf32> to memref<10xf32>
  return %ok : memref<10xf32, strided<[1], offset: 2>>
}
