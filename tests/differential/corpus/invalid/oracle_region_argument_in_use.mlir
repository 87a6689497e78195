// A loop bound that names the loop's own induction variable.
func.func @self_bound(%n: index) {
  affine.for %i = 0 to %n {
  }
  affine.for %j = affine_map<(d0) -> (d0 floordiv 4)>(%j) to 10 {
  }
  return
}
