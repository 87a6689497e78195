func.func @dispatch(%flag: i32) {
  cf.switch %flag : i32, [
    default: ^bb1,
    7: ^bb1,
    : ^bb1
  ]
^bb1:
  return
}
