func.func @f(%x: f32) {
  %true = arith.constant true
  scf.while (%a = %x) : (f32) -> () {
    scf.condition(%true)
  } do {
  ^bb0:
    scf.yield
  }
  return
}
