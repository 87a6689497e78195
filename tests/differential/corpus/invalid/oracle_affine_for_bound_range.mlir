

func.func @large_bound() {
  affine.for %i = 1 to 9223372036854775810 {
  }
  return
}

