// vector ops xDSL lacks: compressstore, expandload, type_cast, deinterleave, to_elements, vscale.
func.func @v(%m: memref<?xf32>, %c: index, %mask: vector<16xi1>, %v: vector<16xf32>, %b: memref<8x8xf32>, %w: vector<8xi8>, %p: vector<2xf32>) -> vector<16xf32> {
  vector.compressstore %m[%c], %mask, %v : memref<?xf32>, vector<16xi1>, vector<16xf32>
  %0 = vector.expandload %m[%c], %mask, %v : memref<?xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  %1 = vector.type_cast %b : memref<8x8xf32> to memref<vector<8x8xf32>>
  %2, %3 = vector.deinterleave %w : vector<8xi8> -> vector<4xi8>
  %4, %5 = vector.to_elements %p : vector<2xf32>
  %6 = vector.vscale
  return %0 : vector<16xf32>
}
