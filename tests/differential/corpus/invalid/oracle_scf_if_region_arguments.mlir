func.func @branch(%c: i1) {
  "scf.if"(%c) ({
  ^bb0(%x: index):
    scf.yield
  }, {
    scf.yield
  }) : (i1) -> ()
  return
}
