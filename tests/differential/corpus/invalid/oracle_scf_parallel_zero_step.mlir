func.func @grid(%lb: index, %ub: index) {
  %one = arith.constant 1 : index
  %zero = arith.constant 0 : index
  scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%one, %zero) {
  }
  return
}
