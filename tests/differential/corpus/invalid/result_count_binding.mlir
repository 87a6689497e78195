func.func @f() {
  %0:2 = "mydialect.one"() : () -> i32
  return
}
