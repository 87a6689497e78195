// Optional words of arith and scf ops: index casts of vectors, memrefs and tensors, truncf
// rounding modes and fast-math flags, extf fast-math flags, unsigned scf.for.
func.func @a(%v: vector<4xindex>, %m: memref<4xindex>, %t: tensor<2xi64>) -> vector<4xi32> {
  %0 = arith.index_cast %v : vector<4xindex> to vector<4xi32>
  %1 = arith.index_cast %m : memref<4xindex> to memref<4xi32>
  %2 = arith.index_castui %t : tensor<2xi64> to tensor<2xindex>
  return %0 : vector<4xi32>
}
func.func @b(%f: f32, %h: f16) -> bf16 {
  %0 = arith.truncf %f to_nearest_even : f32 to bf16
  %1 = arith.truncf %f downward fastmath<fast> : f32 to f16
  %2 = arith.extf %h fastmath<nnan> : f16 to f32
  %3 = arith.truncf %2 : f32 to bf16
  return %0 : bf16
}
func.func @c(%lb: i32, %ub: i32, %s: i32) -> i32 {
  scf.for unsigned %i = %lb to %ub step %s : i32 {
  }
  %r = scf.for unsigned %i = %lb to %ub step %s iter_args(%a = %lb) -> (i32) : i32 {
    scf.yield %a : i32
  }
  return %r : i32
}
