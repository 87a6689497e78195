func.func @local(%x: f64) {
  %m = memref.alloca() : memref<2x3xf64>
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  memref.store %x, %m[%c1, %c2] : memref<2x3xf64>
  %y = memref.load %m[%c1, %c2] : memref<2x3xf64>
  memref.dealloc %m : memref<2x3xf64>
  return
}
