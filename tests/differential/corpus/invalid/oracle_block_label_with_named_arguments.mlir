func.func @relabelled(%a: i32) -> i32 {
^entry(%b: i32):
  return %b : i32
}
