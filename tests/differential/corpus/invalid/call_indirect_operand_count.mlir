func.func @bad(%a: f32) {
  %f = func.constant @bad : (f32) -> ()
  func.call_indirect %f(%a, %a) : (f32) -> ()
  return
}
