func.func private @external(f32) -> f32
func.func @use(%x: f32) -> f32 {
  %y = func.call @external(%x) : (f32) -> f32
  return %y : f32
}
