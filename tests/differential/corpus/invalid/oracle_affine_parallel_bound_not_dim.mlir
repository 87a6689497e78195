// A value computed by arith from a loop index is neither a dimension nor a symbol.
func.func @skewed(%m: memref<64xf32>) {
  affine.for %t = 0 to 8 {
    %end = arith.muli %t, %t : index
    affine.parallel (%i) = (0) to (%end) {
      %v = affine.load %m[%i] : memref<64xf32>
      affine.store %v, %m[%i] : memref<64xf32>
    }
  }
  return
}
