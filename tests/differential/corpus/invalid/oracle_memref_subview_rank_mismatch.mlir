// Two offsets for three sizes.
func.func @window(%m: memref<4x4x4xi8>) {
  %v = memref.subview %m[1, 1] [2, 2, 2] [1, 1, 1]
      : memref<4x4x4xi8> to memref<2x2x2xi8, strided<[16, 4, 1], offset: 20>>
  return
}
