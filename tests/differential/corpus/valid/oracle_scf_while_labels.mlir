func.func @while_labels() {
  scf.while : () -> () {
  ^bb0:
    %c = arith.constant false
    scf.condition(%c)
  } do {
  ^bb0:
    scf.yield
  }
  return
}
