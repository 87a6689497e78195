#set = affine_set<(d0)[s0] : (d0 - 10 >= 0, s0 - d0 >= 0)>
func.func @loops(%m: memref<16x16xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  scf.parallel (%i, %j) = (%c0, %c0) to (%c8, %c8) step (%c1, %c1) {
    %v = memref.load %m[%i, %j] : memref<16x16xf32>
    memref.store %v, %m[%j, %i] : memref<16x16xf32>
  }
  %sum = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%zero) -> f32 {
    %v = memref.load %m[%i, %i] : memref<16x16xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  affine.for %i = 0 to 16 {
    affine.if #set(%i)[%n] {
      %v = affine.load %m[%i, %i] : memref<16x16xf32>
      affine.store %v, %m[%i - 10, %i] : memref<16x16xf32>
    } else {
      affine.store %zero, %m[%i, %i] : memref<16x16xf32>
    }
    affine.if affine_set<(d0) : (d0 >= 0)>(%i) {
      affine.store %zero, %m[%i, 0] : memref<16x16xf32>
    }
  }
  %r = affine.if #set(%c0)[%n] -> f32 {
    affine.yield %zero : f32
  } else {
    affine.yield %sum : f32
  }
  affine.parallel (%i, %j) = (0, 0) to (16, %n) {
    %v = affine.load %m[%i, %j] : memref<16x16xf32>
    affine.store %v, %m[%j, %i] : memref<16x16xf32>
  }
  affine.parallel (%i) = (max(0, %n - 4)) to (min(16, %n)) step (2) {
    affine.store %zero, %m[%i, %i] : memref<16x16xf32>
  }
  return %r : f32
}
