func.func @f() {
  "test.op"() {count = -5 : ui32} : () -> ()
  return
}
