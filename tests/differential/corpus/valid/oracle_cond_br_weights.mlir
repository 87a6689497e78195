func.func @w(%c: i1) {
  cf.cond_br %c weights([1, 0]), ^bb1, ^bb2
^bb1:
  return
^bb2:
  return
}
