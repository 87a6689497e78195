func.func @unknown() {
  %0 = "func.foo_bar_op"() : () -> index
  return
}
