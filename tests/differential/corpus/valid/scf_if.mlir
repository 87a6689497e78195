func.func @pick(%c: i1, %a: f32, %b: f32) -> f32 {
  %r = scf.if %c -> (f32) {
    scf.yield %a : f32
  } else {
    %n = arith.negf %b : f32
    scf.yield %n : f32
  }
  return %r : f32
}
