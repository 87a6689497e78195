func.func @bad6(%a: i32) {
  %f = func.constant @nothere : (i32) -> i32
  return
}
