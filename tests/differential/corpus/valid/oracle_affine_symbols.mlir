// Valid affine dims and symbols: top-level values, constants, affine.apply of symbols,
// induction variables as dims, memref.dim results.
#tile = affine_map<(d0)[s0] -> (d0 + s0)>
func.func @valid(%buffer: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %size = memref.dim %buffer, %c0 : memref<?xf32>
  %half = affine.apply affine_map<()[s0] -> (s0 floordiv 2)>()[%n]
  affine.for %i = 0 to %size {
    %c4 = arith.constant 4 : index
    affine.for %j = #tile(%i)[%half] to #tile(%i)[%c4] {
      %v = affine.load %buffer[%i + %j] : memref<?xf32>
      affine.if affine_set<(d0)[s0] : (s0 - d0 - 1 >= 0)>(%j)[%n] {
        affine.store %v, %buffer[%j] : memref<?xf32>
      }
    }
  }
  return
}
