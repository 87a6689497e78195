func.func @f() {
  %pair:2 = "foo.make"() : () -> (i32, i32)
  %none:0 = "foo.make"() : () -> (i32, i32)
  return
}
