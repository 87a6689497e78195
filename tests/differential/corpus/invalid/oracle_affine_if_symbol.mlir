#in_range = affine_set<(d0)[s0] : (d0 >= 0, s0 - d0 - 1 >= 0)>
func.func @guard(%n: index) {
  affine.for %i = 0 to 10 {
    affine.if #in_range(%i)[%n] {
    }
    %m = arith.addi %i, %i : index
    affine.if #in_range(%i)[%m] {
    }
  }
  return
}
