"mydialect.graph"() ({
^bb0(%x: i32):
  %y = "mydialect.twice"(%x) : (i32) -> i32
  "mydialect.yield"(%y) : (i32) -> ()
}, {
  "mydialect.empty"() : () -> ()
}) {name = "g"} : () -> ()
