// A dynamic offset makes the result's offset dynamic: a static one does not match.
func.func @window(%m: memref<64xf32>, %at: index) {
  %w = memref.subview %m[%at] [8] [1] : memref<64xf32> to memref<8xf32, strided<[1]>>
  return
}
