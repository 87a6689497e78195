func.func @callee(%x: i32) -> i32 {
  return %x : i32
}
func.func @caller(%a: i32) -> i32 {
  %r = func.call @callee(%a) : (i32) -> i32
  %s = call @callee(%r) : (i32) -> i32
  return %s : i32
}
