// A location written after a loop counter, as mlir-opt prints with debug info.
func.func @sum(%buf: memref<16xf32>) -> f32 {
  %zero = arith.constant 0.0 : f32
  %total = affine.for %i loc("counter") = 0 to 16 iter_args(%acc = %zero) -> (f32) {
    %x = affine.load %buf[%i] : memref<16xf32>
    %next = arith.addf %acc, %x : f32
    affine.yield %next : f32
  }
  affine.parallel (%j) = (0) to (16) {
    %y = affine.load %buf[%j] : memref<16xf32>
  }
  return %total : f32
}
