// A body ending in another terminator gets no implicit scf.forall.in_parallel.
func.func @bad_body(%n: index) {
  scf.forall (%i) in (%n) {
    llvm.unreachable
  }
  return
}
