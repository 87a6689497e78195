func.func @f(%lb: i32, %ub: i32, %s: i32) {
  scf.for %i = %lb to %ub step %s : i32 {
    "mydialect.body"(%i) : (i32) -> ()
  }
  return
}
