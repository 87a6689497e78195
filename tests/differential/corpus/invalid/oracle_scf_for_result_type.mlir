func.func @sum(%n: index, %init: f32) -> f64 {
  %r = "scf.for"(%n, %n, %n, %init) ({
  ^bb0(%i: index, %acc: f32):
    scf.yield %acc : f32
  }) : (index, index, index, f32) -> f64
  return %r : f64
}
