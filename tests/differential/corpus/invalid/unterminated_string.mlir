func.func @f() {
  "mydialect.op"() {s = "never closed} : () -> ()
  return
}
