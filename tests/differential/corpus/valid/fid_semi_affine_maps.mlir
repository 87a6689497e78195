// Semi-affine maps: products and divisions by symbols, in aliases, inline maps and layouts.
#map = affine_map<(d0)[s0] -> (d0 * s0)>
#map1 = affine_map<()[s0, s1] -> (s0 ceildiv s1)>
func.func @n(%a: index, %b: index, %c: index) -> index {
  %0 = affine.apply #map(%a)[%b]
  %1 = affine.apply #map1()[%b, %c]
  %2 = affine.apply affine_map<(d0)[s0] -> (d0 mod s0)>(%a)[%c]
  return %0 : index
}
func.func @m(%m: memref<?xf32, affine_map<(d0)[s0] -> (d0 * s0)>>) {
  return
}
