// Bit patterns of the 80-bit x87 and 128-bit IEEE formats, as mlir-opt prints
// the values it cannot write in decimal.
func.func @extended(%x: f80, %y: f128) -> (f80, f128) {
  %one = arith.constant 0x3FFF8000000000000000 : f80
  %inf = arith.constant 0x7FFF8000000000000000 : f80
  %three = arith.constant 0x40008000000000000000000000000000 : f128
  %a = arith.mulf %x, %one : f80
  %b = arith.minimumf %a, %inf : f80
  %c = arith.addf %y, %three : f128
  return %b, %c : f80, f128
}
