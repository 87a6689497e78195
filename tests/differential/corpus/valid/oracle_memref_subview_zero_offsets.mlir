// Zero offsets along dynamic strides add nothing: the result offset stays static.
func.func @tile(%m: memref<?x?x16x32xi8>, %at: index)
    -> (memref<16x32xi8, strided<[32, 1], offset: 512>>, memref<8xf32, strided<[1], offset: ?>>) {
  %t = memref.subview %m[0, 1, 0, 0] [1, 1, 16, 32] [1, 1, 1, 1]
      : memref<?x?x16x32xi8> to memref<16x32xi8, strided<[32, 1], offset: 512>>
  %buf = memref.alloc() : memref<64xf32>
  %w = memref.subview %buf[%at] [8] [1] : memref<64xf32> to memref<8xf32, strided<[1], offset: ?>>
  return %t, %w : memref<16x32xi8, strided<[32, 1], offset: 512>>, memref<8xf32, strided<[1], offset: ?>>
}
