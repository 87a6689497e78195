!elem = f32
#pair = [1 : i32, 2 : i32]
func.func @aliased(%x: !elem) -> !elem attributes {tag = #pair} {
  return %x : !elem
}
