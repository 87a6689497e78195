module attributes {test.flag = true, test.name = "m"} {
  func.func private @decl(i32) -> i32
}
