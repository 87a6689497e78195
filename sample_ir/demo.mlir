// A small multi-dialect program: a loop nest with scf, arith and memref, and a caller.
// `ir-studio lower` runs the lower-to-cf pipeline on it by default.
func.func @sum_rows(%m: memref<4x8xf32>, %out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c4 step %c1 {
    %acc = scf.for %j = %c0 to %c8 step %c1 iter_args(%a = %zero) -> (f32) {
      %x = memref.load %m[%i, %j] : memref<4x8xf32>
      %s = arith.addf %a, %x : f32
      scf.yield %s : f32
    }
    memref.store %acc, %out[%i] : memref<4xf32>
  }
  return
}

func.func @scale(%x: i32, %k: i32) -> i32 {
  %zero = arith.constant 0 : i32
  %p = arith.muli %x, %k : i32
  %q = arith.addi %p, %zero : i32
  %positive = arith.cmpi sgt, %q, %zero : i32
  %r = scf.if %positive -> (i32) {
    scf.yield %q : i32
  } else {
    %n = arith.subi %zero, %q : i32
    scf.yield %n : i32
  }
  return %r : i32
}

func.func @main(%x: i32) -> i32 {
  %k = arith.constant 3 : i32
  %y = func.call @scale(%x, %k) : (i32, i32) -> i32
  return %y : i32
}
