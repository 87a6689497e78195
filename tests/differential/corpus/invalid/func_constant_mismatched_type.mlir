func.func private @ext(i32) -> i32
func.func @bad(%a: i32) {
  %f = func.constant @ext : (i64) -> i32
  return
}
