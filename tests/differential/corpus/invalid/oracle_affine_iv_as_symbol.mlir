#shifted = affine_map<(d0)[s0] -> (d0 + s0)>
func.func @tiles(%n: index) {
  affine.for %i = 0 to %n {
    affine.for %j = #shifted(%i)[%n] to 100 {
    }
    affine.for %k = #shifted(%i)[%i] to 100 {
    }
  }
  return
}
