func.func @copy(%src: memref<8xf32>) -> memref<8xf32> {
  %dst = memref.alloc() : memref<8xf32>
  %c0 = arith.constant 0 : index
  %v = memref.load %src[%c0] : memref<8xf32>
  memref.store %v, %dst[%c0] : memref<8xf32>
  return %dst : memref<8xf32>
}
