func.func @clamp(%n: index) -> index {
  %lo = affine.max affine_map<(d0) -> (d0 - 2, 0)>(%n, %n)
  return %lo : index
}
