func.func @read(%buffer: memref<10xf32>, %n: index) {
  affine.for %i = 0 to 10 {
    %a = affine.load %buffer[%i] : memref<10xf32>
  }
  scf.for %j = %n to %n step %n {
    %b = affine.load %buffer[%j] : memref<10xf32>
  }
  return
}
