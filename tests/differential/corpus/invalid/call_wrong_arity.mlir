func.func @g(%x: i32) -> i32 {
  return %x : i32
}
func.func @f(%a: i32) -> i32 {
  %0 = func.call @g(%a, %a) : (i32, i32) -> i32
  return %0 : i32
}
