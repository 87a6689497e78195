// A bound of affine.parallel computed inside a loop body is neither a dimension nor a
// symbol of the enclosing function's affine scope; the loop's own counter is.
func.func @tiles(%buf: memref<64xf32>, %n: index) {
  affine.for %i = 0 to 8 {
    affine.parallel (%j) = (%i) to (%n) {
    }
    %end = arith.addi %i, %n : index
    affine.parallel (%k) = (0) to (%end) {
    }
  }
  return
}
