func.func @clamp(%x: f32, %y: f32, %n: index) -> (f32, index) {
  %r = arith.remf %x, %y : f32
  %lo = affine.max affine_map<(d0) -> (d0 - 2, 0)>(%n)
  %hi = affine.min affine_map<(d0)[s0] -> (d0 + 4, s0)>(%lo)[%n]
  return %r, %hi : f32, index
}
