#shift = affine_map<(d0) -> (d0 + 1)>
func.func @apply(%i: index) -> index {
  %j = affine.apply #shift(%i)
  return %j : index
}
