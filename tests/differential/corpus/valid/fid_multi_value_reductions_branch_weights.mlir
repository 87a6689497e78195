// Reductions of several values (scf.reduce with one region per value, affine.parallel with
// two reduction kinds) and cf.cond_br branch weights.
func.func @reduce(%lb: index, %ub: index, %st: index, %m: memref<4xf32>) -> (f32, i32, f32, f32) {
  %zero = arith.constant 0.0 : f32
  %izero = arith.constant 0 : i32
  %red:2 = scf.parallel (%i) = (%lb) to (%ub) step (%st) init (%zero, %izero) -> (f32, i32) {
    %one = arith.constant 1.0 : f32
    %ione = arith.constant 1 : i32
    scf.reduce(%one, %ione : f32, i32) {
    ^bb0(%l: f32, %r: f32):
      %s = arith.addf %l, %r : f32
      scf.reduce.return %s : f32
    }, {
    ^bb0(%l: i32, %r: i32):
      %p = arith.muli %l, %r : i32
      scf.reduce.return %p : i32
    }
  }
  %mm:2 = affine.parallel (%i) = (0) to (4) reduce ("minimumf", "maximumf") -> (f32, f32) {
    %v = affine.load %m[%i] : memref<4xf32>
    affine.yield %v, %v : f32, f32
  }
  return %red#0, %red#1, %mm#0, %mm#1 : f32, i32, f32, f32
}
func.func @weights(%c: i1, %x: i32) -> i32 {
  cf.cond_br %c weights([60, 40]), ^bb1(%x : i32), ^bb2
^bb1(%a: i32):
  return %a : i32
^bb2:
  return %x : i32
}
