func.func @f(%a: i32) {
  mydialect.frob %a : i32
  return
}
