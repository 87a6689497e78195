// Semi-affine maps: products and divisions by symbols.
#strided = affine_map<(d0, d1)[s0, s1] -> (d0 * s0 + d1 + s1)>
func.func @tile(%a: index, %b: index, %n: index) -> (index, index, index) {
  %0 = affine.apply affine_map<(d0)[s0] -> (d0 * s0)>(%a)[%n]
  %1 = affine.apply affine_map<(d0)[s0] -> (d0 floordiv s0)>(%a)[%n]
  %2 = affine.apply affine_map<(d0)[s0, s1] -> (d0 ceildiv s0 + s0 * s1 + d0 mod s1)>(%b)[%n, %a]
  return %0, %1, %2 : index, index, index
}
func.func private @view(memref<?x?xf32, #strided>)
