func.func @floats(%x: f32, %y: f32) -> f32 {
  %0 = arith.addf %x, %y : f32
  %1 = arith.mulf %0, %y : f32
  %2 = arith.divf %1, %x : f32
  %3 = arith.negf %2 : f32
  %c = arith.cmpf olt, %3, %x : f32
  %4 = arith.select %c, %3, %x : f32
  %d = arith.extf %4 : f32 to f64
  %t = arith.truncf %d : f64 to f32
  return %t : f32
}
