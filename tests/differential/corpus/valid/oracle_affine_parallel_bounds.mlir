// Bounds of affine.parallel from outer loop indices (dimensions), function
// arguments and their affine.apply results (symbols).
func.func @tiles(%m: memref<?x?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %rows = memref.dim %m, %c0 : memref<?x?xf32>
  %half = affine.apply affine_map<()[s0] -> (s0 floordiv 2)>()[%n]
  affine.for %t = 0 to 4 {
    affine.parallel (%i, %j) = (%t, 0) to (min(%t + 8, symbol(%rows)), symbol(%half)) step (2, 4) {
      %v = affine.load %m[%i, %j] : memref<?x?xf32>
      affine.store %v, %m[%j, %i] : memref<?x?xf32>
    }
  }
  return
}
