func.func @half() -> (f16, f16) {
  %inf = arith.constant 0x7C00 : f16
  %bad = arith.constant 0xFFFFFFFF : f16
  return %inf, %bad : f16, f16
}
