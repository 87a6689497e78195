// One mapping entry per loop dimension.
func.func @grid(%m: memref<16x16xf32>) {
  scf.forall (%i, %j) in (16, 16) {
    %v = memref.load %m[%i, %j] : memref<16x16xf32>
    memref.store %v, %m[%j, %i] : memref<16x16xf32>
  } {mapping = [#gpu.block<x>]}
  return
}
