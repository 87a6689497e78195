func.func @f(%c: i1) {
  scf.if %c {
    cf.br ^outer
  }
  cf.br ^outer
^outer:
  return
}
