// In a chain of products MLIR reports the non-affine product at the operator that
// follows it.
#scaled = affine_map<(d0)[s0] -> (d0 * s0 * 4)>
#square = affine_map<(d0, d1) -> (d0 * d1 * 4)>
func.func @area(%w: index, %h: index) -> index {
  %0 = affine.apply #scaled(%w)[%h]
  return %0 : index
}
