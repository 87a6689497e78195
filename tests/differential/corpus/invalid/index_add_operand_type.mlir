func.func @idx(%a: index, %i: i32) {
  %0 = index.add %a, %i
  return
}
