func.func @custom(%a: i32) -> i32 {
  %0 = "mydialect.op"(%a) {attr = 3 : i64} : (i32) -> i32
  %1:2 = "mydialect.pair"(%0) : (i32) -> (i32, !mydialect.thing<"x">)
  "mydialect.sink"(%1#1) : (!mydialect.thing<"x">) -> ()
  return %1#0 : i32
}
