#ok = affine_map<(d0)[s0] -> (d0 ceildiv s0 + d0 mod s0)>
func.func @f(%a: index, %b: index) -> index {
  %0 = affine.apply #ok(%a)[%b]
  %1 = affine.apply affine_map<(d0, d1) -> (d0 floordiv d1)>(%a, %b)
  return %1 : index
}
