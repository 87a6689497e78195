// A location after an affine.for induction variable, and fused locations with metadata.
func.func @f(%m: memref<8xf32>) {
  affine.for %i0 loc("IVlocation") = 0 to 8 {
    %v = affine.load %m[%i0] : memref<8xf32> loc(fused<"myPass">["load", "load2"])
  } loc(fused<"myPass">["foo", "foo2"])
  return
}
