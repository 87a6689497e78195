func.func @f(%c: i32) {
  cf.cond_br %c, ^a, ^b
^a:
  return
^b:
  return
}
