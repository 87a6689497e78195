func.func @bad(%m: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%c8) step (%c1) {
    %v = memref.load %m[%zz] : memref<8xf32>
  }
  return
}
