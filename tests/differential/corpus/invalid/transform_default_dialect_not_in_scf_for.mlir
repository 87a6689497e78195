// Only some ops set a default dialect (func.func does, scf.for does not): a bare
// `yield` in a loop body is unknown.
func.func @loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    yield
  }
  return
}
